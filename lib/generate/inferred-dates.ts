import type { Fact } from "@/lib/content/schema";
import type { CorpusIndex } from "./corpus-index";
import { asSentence, inferredDateNote, slotCitation } from "./evidence";
import type { Question } from "./question";

/**
 * A year or date the articles do not print is marked as inferred, with the
 * reason, wherever a question shows it: the ceasefire of "20 September 2023"
 * (RT says "shortly after" remarks "on Wednesday"), Aliyev's call "on Monday"
 * (2 November 2020), a stem's "in September 2023" (TASS prints "September
 * 20" and no year). Each note says what is inferred and why; the feedback
 * shows the notes after the sources, and the explanation ends with them.
 *
 * A typed date whose year its evidence does not print is also graded without
 * the year: "20 September" is right for "20 September 2023".
 */
export function withDateNotes(ix: CorpusIndex, q: Question): Question {
  const facts = q.factIds.map((id) => ix.factById.get(id)).filter((f): f is Fact => f !== undefined);
  const text = shownText(q);
  const datesAsked = q.about === "when" || q.about === "order" || q.about === "date-event";
  const notes: string[] = [];
  const yearsNoted = new Set<string>();
  for (const f of facts) {
    const note = inferredDateNote(f);
    if (!note || !f.when) continue;
    const year = f.when.date.slice(0, 4);
    if (!datesAsked && !text.includes(year)) continue;
    notes.push(note);
    yearsNoted.add(year);
  }
  for (const slug of new Set(q.sources.map((s) => s.slug))) {
    const src = ix.sourceBySlug.get(slug);
    const p = src?.published;
    if (!src || !p?.inferred || !p.reason) continue;
    const year = p.date.slice(0, 4);
    // The article's own date is inferred: a stem's "July 2021" is that inference unless the cited sentence
    // prints it — "July 7, 2021", not only another date's year ("January 11, 2021").
    const cited = q.sources.filter((c) => c.slug === slug).map((c) => c.quote).join(" ");
    // The stem only: a wrong option's year ("2023" against the key 2020) is not presented as the article's.
    if (yearsNoted.has(year) || !q.prompt.includes(year) || shownDatesPrinted(q.prompt, year, cited)) continue;
    notes.push(`Inferred year: ${src.outlet} does not print the year of its report; ${year} is inferred. ${asSentence(p.reason)}`);
    yearsNoted.add(year);
  }
  const out: Question = notes.length ? { ...q, dateNotes: notes, explanation: `${q.explanation}\n${notes.join("\n")}` } : q;
  return yearOptional(ix, facts, out);
}

/** A typed date whose evidence sentence prints no year: the year may be left out. */
function yearOptional(ix: CorpusIndex, facts: Fact[], q: Question): Question {
  if (q.type !== "typed-date" || q.about !== "when" || q.yearOptional || facts.length !== 1) return q;
  const f = facts[0]!;
  if (!f.when?.inferred || (f.when.precision !== "day" && f.when.precision !== "month")) return q;
  const c = slotCitation(ix, f, "when");
  return printsYear(c.quote, f.when.date.slice(0, 4)) ? q : { ...q, yearOptional: true };
}

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";

/**
 * Whether every mention of `year` in the question ("July 2021", "in 2021",
 * "7 July 2021") is printed as such in `cited`: a month with that year must
 * appear with it ("July 7, 2021", "July 2021"); a bare year must appear.
 */
function shownDatesPrinted(text: string, year: string, cited: string): boolean {
  for (const m of text.matchAll(new RegExp(`(?:(\\d{1,2}) )?(?:(${MONTHS}) )?${year}(?!\\d)`, "g"))) {
    const month = m[2];
    if (month) {
      if (!new RegExp(`${month}(?: \\d{1,2})?,? ${year}(?!\\d)|\\d{1,2} ${month},? ${year}(?!\\d)`).test(cited)) return false;
    } else if (!printsYear(cited, year)) return false;
  }
  return true;
}

function printsYear(text: string, year: string): boolean {
  return new RegExp(`(?<!\\d)${year}(?!\\d)`).test(text);
}

/** Everything the student reads before answering, and the answer. */
function shownText(q: Question): string {
  const answer = typeof q.answer === "string" ? q.answer : q.answer.map((a) => (typeof a === "string" ? a : `${a.left} ${a.right}`)).join(" ");
  return [q.prompt, ...(q.options ?? []), ...(q.left ?? []), ...(q.right ?? []), answer].join(" ");
}
