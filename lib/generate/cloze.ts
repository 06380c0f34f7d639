import type { Fact, When } from "@/lib/content/schema";
import { locateQuote } from "@/lib/content/locate-quote";
import { MONTH_NAMES } from "@/lib/content/when";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import { type CorpusIndex, citationOf, claimParty, descriptorIn, isClaim, textMentions, wordPattern } from "./corpus-index";
import { numberForms } from "./fact-slots";
import { fineCategory } from "./fine-category";
import { sentenceOf } from "./evidence";

/** One thing a quote can be blanked on, with how the blank is graded. */
export type ClozeSpan = {
  /** Stable within a fact: `when`, `who-<entity>`, `where-<entity>`, `number-<i>`, `words`. */
  key: string;
  field: "when" | "who" | "where" | "number" | "words";
  /** The quote with every printed form of the answer replaced by a blank. */
  blanked: string;
  /** The answer as printed in the quote. */
  answer: string;
  accepted: string[];
  answerKind: "text" | "number" | "date";
  date?: Pick<When, "date" | "precision" | "part"> & { yearOptional: boolean };
  numberValue?: number;
  unit?: string;
};

export const BLANK = "_____";

const SHORT_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/**
 * How a date can be printed in an article, longest first: "November 9, 2020",
 * "9 November 2020", "November 9", "Nov. 9", "September 2020", "late 1980s" …
 */
export function printedDateForms(when: Pick<When, "date" | "precision" | "part">): string[] {
  const y = when.date.slice(0, 4);
  const out: string[] = [];
  if (when.precision === "day" || when.precision === "month") {
    const m = Number(when.date.slice(5, 7));
    const names = [MONTH_NAMES[m - 1] ?? "", SHORT_MONTHS[m - 1] ?? "", (SHORT_MONTHS[m - 1] ?? "").replace(".", "")];
    if (when.precision === "day") {
      const d = String(Number(when.date.slice(8, 10)));
      for (const n of names) out.push(`${n} ${d}, ${y}`, `${n} ${d} ${y}`, `${d} ${n} ${y}`, `${n} ${d}`, `${d} ${n}`);
    } else {
      for (const n of names) out.push(`${n} ${y}`, `${n}, ${y}`, n);
    }
  } else if (when.precision === "year") {
    out.push(y);
  } else {
    if (when.part) out.push(`${when.part} ${when.date}`, `${when.part}-${when.date}`);
    out.push(when.date);
  }
  return [...new Set(out.filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
}

/** The [start, end) ranges where any of `forms` occurs in `text` as whole words. */
function matchRanges(text: string, forms: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const f of forms) for (const m of text.matchAll(wordPattern(f, "giu"))) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * Blanks every printed form in `forms` (longest first), or returns null when
 * the blanks would stand for different words: one answer cannot fill both
 * "raging in _____ of _____" ("the disputed region of Nagorno-Karabakh") or
 * "the _____ (_____)" ("Organization for Security and Cooperation in Europe
 * (OSCE)"), and leaving either printed would give the other away.
 */
function blankAll(text: string, forms: string[]): { blanked: string; first: string } | null {
  let first: string | null = null;
  let at = Infinity;
  for (const f of forms) {
    const m = wordPattern(f).exec(text);
    if (m && m.index < at) {
      at = m.index;
      first = m[0];
    }
  }
  if (first === null) return null;
  const printed = new Set<string>();
  let out = text;
  for (const f of forms) {
    out = out.replace(wordPattern(f, "giu"), (m) => {
      printed.add(m.toLowerCase());
      return BLANK;
    });
  }
  if (printed.size > 1) return null;
  return { blanked: out, first };
}

/**
 * The blanks a quote supports: the fact's date in any printed form, every
 * corpus entity the quote names (people and organisations as "who", places
 * as "where"; all forms of the entity are blanked so the rest of the quote
 * does not give it away), and each of the fact's figures as printed.
 *
 * A printed name that is a form of several entities ("Ankara": the city and
 * the Turkish government it stands for) accepts the forms of all of them, so
 * "Turkey" fills "_____ voiced support for Baku". For a claim, the party
 * making it is never the blank (according-to-whom asks that, and the rest of
 * a short quote — "_____ denied the allegations." — cannot tell who it was).
 */
export function clozeSpans(ix: CorpusIndex, fact: Fact, quote: string): ClozeSpan[] {
  const key = `cloze\u0000${fact.id}\u0000${quote}`;
  const hit = ix.memo.get(key) as ClozeSpan[] | undefined;
  if (hit) return hit;
  const spans = computeSpans(ix, fact, quote);
  ix.memo.set(key, spans);
  return spans;
}

/** Share of the corpus's facts whose quotes name an entity above which a blank for it teaches nothing. */
const UBIQUITOUS_SHARE = 0.15;

/**
 * Entities the quotes name so often (Nagorno-Karabakh, Armenia, Azerbaijan,
 * Russia) that a blank for them is guessed, not recalled: named in more than
 * `UBIQUITOUS_SHARE` of the facts' quotes, with every entity sharing a
 * printed form with one (Yerevan the government and "Armenia").
 */
export function ubiquitousEntities(ix: CorpusIndex): Set<string> {
  const key = "cloze-ubiquitous";
  const hit = ix.memo.get(key) as Set<string> | undefined;
  if (hit) return hit;
  const counts = new Map<string, number>();
  for (const f of ix.facts) {
    const text = f.sources.map((r) => r.quote).join("\n");
    for (const e of ix.corpus.entities) if (textMentions(ix, text, e.id)) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  }
  const top = new Set([...counts].filter(([, n]) => n > ix.facts.length * UBIQUITOUS_SHARE).map(([id]) => id));
  const topForms = new Set([...top].flatMap((id) => ix.forms.get(id) ?? []).map((f) => f.toLowerCase()));
  for (const e of ix.corpus.entities) if ((ix.forms.get(e.id) ?? []).some((f) => topForms.has(f.toLowerCase()))) top.add(e.id);
  ix.memo.set(key, top);
  return top;
}

const STOP = new Set(["the", "of", "and", "in", "on", "for", "some", "than", "more", "fewer", "about", "with"]);

/** The stems (first five letters) of the content words of a phrase: "Armenian capital" → armen, capit. */
function wordStems(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 4 && !STOP.has(w)).map((w) => w.slice(0, 5));
}

/** Whether the blanked sentence still prints a word of the answer ("_____ … the Armenian government" for "the Armenian capital"). */
function restGivesAway(blanked: string, answerForms: string[]): boolean {
  const rest = new Set(wordStems(blanked.split(BLANK).join(" ")));
  return answerForms.some((f) => wordStems(f).some((w) => rest.has(w)));
}

/** A role title right before the blank names the person ("Russian President _____", "Armenia's Acting Prime Minister _____"). */
const TITLE_BEFORE = /\b(?:president|prime minister|minister|spokesman|leader|the prime minister of the [\p{L} ]+,)\s*$/iu;

const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?$/;

/**
 * Whether the blank is one member of a list ("Vladimir Putin, _____, and
 * Nikol Pashinyan", "on November 1 and _____"): the other members, of the
 * same kind, stand next to it, so the blank asks which one is missing
 * rather than what the fact is.
 */
function isListMember(blanked: string, neighbours: string[], dates: boolean): boolean {
  const at = blanked.indexOf(BLANK);
  const before = blanked.slice(Math.max(0, at - 80), at);
  const after = blanked.slice(at + BLANK.length, at + BLANK.length + 80);
  const sepBefore = /(.*?)(?:,\s*(?:and\s+)?|\s+and\s+)$/su.exec(before);
  const sepAfter = /^(?:,\s*(?:and\s+)?|\s+and\s+)(.*)$/su.exec(after);
  const lower = (t: string): string => t.toLowerCase();
  if (sepBefore) {
    const b = lower(sepBefore[1] ?? "");
    if (neighbours.some((n) => b.endsWith(lower(n))) || (dates && MONTH.test(sepBefore[1] ?? ""))) return true;
  }
  if (sepAfter) {
    // Up to three title words may stand before the next member ("and Armenian Prime Minister Nikol Pashinyan").
    const next = lower(sepAfter[1] ?? "");
    if (neighbours.some((n) => new RegExp(`^(?:[\\p{L}'’-]+\\s+){0,3}?${escape(lower(n))}(?![\\p{L}])`, "u").test(next))) return true;
    if (dates && /^(?:on\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/i.test(sepAfter[1] ?? "")) return true;
  }
  return false;
}

function escape(t: string): string {
  return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A short quoted phrase inside the quote: a party's own words ("“local anti-terrorist measures”"). */
const QUOTED = /["“]([^"”]{3,80}?)[,.]?["”]/gu;

function computeSpans(ix: CorpusIndex, fact: Fact, quote: string): ClozeSpan[] {
  const spans: ClozeSpan[] = [];
  const used = new Set<string>();
  if (fact.when) {
    const hit = blankAll(quote, printedDateForms(fact.when));
    if (hit && !isListMember(hit.blanked, [], true)) {
      const hasPart = fact.when.part !== undefined && hit.first.toLowerCase().includes(fact.when.part);
      spans.push({
        key: "when",
        field: "when",
        blanked: hit.blanked,
        answer: hit.first,
        accepted: [hit.first],
        answerKind: "date",
        date: {
          date: fact.when.date,
          precision: fact.when.precision,
          ...(hasPart && fact.when.part ? { part: fact.when.part } : {}),
          yearOptional: !/\d{4}/.test(hit.first),
        },
      });
    }
    if (hit) used.add(hit.first.toLowerCase());
  }
  fact.numbers.forEach((n, i) => {
    const hit = blankAll(quote, [n.text]);
    if (!hit) return;
    used.add(hit.first.toLowerCase());
    spans.push({ key: `number-${i}`, field: "number", blanked: hit.blanked, answer: hit.first, accepted: numberForms(n), answerKind: "number", numberValue: n.value, unit: n.unit });
  });
  // The party's own words for what happened ("what it described as “local anti-terrorist measures”"), 2 to 8 words.
  for (const m of quote.matchAll(QUOTED)) {
    const words = (m[1] ?? "").trim();
    const count = words.split(/\s+/).length;
    if (count < 2 || count > 8 || words.length >= quote.length * 0.8) continue;
    const blanked = quote.replace(words, BLANK);
    const bare = words.replace(/^(?:an?|the)\s+/i, "");
    spans.push({ key: "words", field: "words", blanked, answer: words, accepted: [...new Set([words, bare])], answerKind: "text" });
    break;
  }
  const entities = ix.corpus.entities.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const lower = quote.toLowerCase();
  const parties = isClaim(fact) ? (fact.attribution?.by ?? []) : [];
  const own = new Set([...fact.who, ...fact.where]);
  const ubiquitous = ubiquitousEntities(ix);
  // Where the quote names a party, in any form: never blanked, not even in
  // part ("the Russian president" inside "the Russian president's office").
  const partyRanges = parties.flatMap((p) => matchRanges(quote, ix.forms.get(p) ?? []));
  for (const e of entities) {
    const forms = ix.forms.get(e.id) ?? [];
    if (!forms.some((f) => lower.includes(f.toLowerCase()))) continue;
    const hit = blankAll(quote, forms);
    if (!hit || used.has(hit.first.toLowerCase())) continue;
    used.add(hit.first.toLowerCase());
    const printed = hit.first.toLowerCase();
    const sharing = entities.filter((o) => (ix.forms.get(o.id) ?? []).some((f) => f.toLowerCase() === printed));
    if (sharing.some((o) => parties.includes(o.id))) continue;
    if (partyRanges.length && matchRanges(quote, forms).some(([a, b]) => partyRanges.some(([c, d]) => a < d && c < b))) continue;
    // Only the fact's own people and places are its key slots; a name the quote mentions in passing is not.
    if (!sharing.some((o) => own.has(o.id))) continue;
    // Names so frequent they are guessed, a name the rest of the sentence prints, a name right after its title, a list member: no blank.
    if (sharing.some((o) => ubiquitous.has(o.id))) continue;
    const answerForms = [...new Set(sharing.flatMap((o) => ix.forms.get(o.id) ?? []))];
    if (restGivesAway(hit.blanked, answerForms)) continue;
    // "rebuked _____, a long-time ally of Azerbaijan": a description only the answer fits.
    if (sharing.some((o) => descriptorIn(ix, hit.blanked, o.id))) continue;
    const at = hit.blanked.indexOf(BLANK);
    if (e.type === "person" && TITLE_BEFORE.test(hit.blanked.slice(0, at))) continue;
    const neighbours = entities
      .filter((o) => o.id !== e.id && fineCategory(o) === fineCategory(e))
      .flatMap((o) => ix.forms.get(o.id) ?? []);
    if (isListMember(hit.blanked, neighbours, false)) continue;
    const accepted = [hit.first, ...forms, ...sharing.flatMap((o) => ix.forms.get(o.id) ?? [])];
    const field = e.type === "place" ? "where" : "who";
    spans.push({ key: `${field}-${e.id}`, field, blanked: hit.blanked, answer: hit.first, accepted: [...new Set(accepted)], answerKind: "text" });
  }
  return spans;
}

/**
 * The quote as a cloze shows it, credited to its outlet: "According to TASS:
 * “… _____ …”". For a claim whose blanked quote does not name the party
 * making it (and whose party is not the outlet itself), the party is named
 * up front — "According to RT, reporting the account of the Turkish government:
 * “blamed _____ for the Sunday violence.”" — so the blank is never read as
 * settled fact or credited to nobody.
 */
export function clozeFrame(ix: CorpusIndex, fact: Fact, blanked: string, quoteIndex: number): string {
  const slug = citationOf(fact, quoteIndex).slug;
  const outlet = ix.sourceBySlug.get(slug)?.outlet ?? slug;
  if (!isClaim(fact)) return `According to ${outlet}: “${blanked}”`;
  const by = fact.attribution?.by ?? [];
  const partyIsOutlet = by.some((b) => ix.entityById.get(b)?.name.toLowerCase() === outlet.toLowerCase());
  const named = by.some((b) => textMentions(ix, blanked, b));
  if (partyIsOutlet || named) return `According to ${outlet}: “${blanked}”`;
  return `According to ${outlet}, reporting the account of ${claimParty(ix, fact)}: “${blanked}”`;
}

/**
 * A quote that is a fragment of its sentence ("erupted after Azeri forces
 * launched an offensive …", "with sporadic fighting …") is blanked inside
 * its whole sentence, so the student reads what it is about; `quote` is
 * that sentence, shown as the evidence. The fragment stays when the rest of
 * the sentence prints the answer (it would give it away) or the sentence is
 * not found.
 */
export function clozeInSentence(ix: CorpusIndex, fact: Fact, quoteIndex: number, blanked: string, answer: string): { blanked: string; quote: string } {
  const quote = fact.sources[quoteIndex]?.quote ?? "";
  const fragment = { blanked, quote };
  if (!/^[\p{Ll}\p{N}]/u.test(quote.trim())) return fragment;
  const sentence = sentenceOf(ix, fact, quoteIndex);
  // Found as quote checking finds it (typographic quotes and white space folded); the article's own text is kept.
  const at = locateQuote(sentence, quote);
  if (!at || sentence === quote) return fragment;
  const [before, after] = [sentence.slice(0, at.start), sentence.slice(at.end)];
  if (` ${normalizeAnswer(`${before} ${after}`)} `.includes(` ${normalizeAnswer(answer)} `)) return fragment;
  return { blanked: `${before}${blanked}${after}`, quote: sentence };
}
