import { type BuildContext } from "./build-context";
import type { CorpusIndex } from "./corpus-index";
import { publicCitation, quoteCitation, slotCitation } from "./evidence";
import type { Fact } from "@/lib/content/schema";
import { clozeFrame, clozeInSentence, clozeSpans } from "./cloze";
import { explainFact } from "./explanation";
import type { Question } from "./question";
import { stableId } from "./stable-id";
import { accountSentence } from "./question-according-to-whom";
import { normalizeAnswer } from "@/lib/quiz/answers-text";

/**
 * "Fill in the blank. According to TASS: “… _____ …”": the quote is always
 * credited to its outlet, and a claim to its party (see `clozeFrame`).
 */
export function clozePrompt(ix: CorpusIndex, fact: Fact, blanked: string, quoteIndex: number): string {
  return `Fill in the blank. ${clozeFrame(ix, fact, blanked, quoteIndex)}`;
}

/**
 * One typed cloze per key slot of a fact (its date, its own people and
 * places, its figures, a party's own words — see `clozeSpans`), from the
 * first quote that can blank it. Because the text is the outlet's own sentence, credited to
 * it (and a claim's to its party), claims can be asked this way too.
 */
export function clozeQuestions(ctx: BuildContext): Question[] {
  const out: Question[] = [];
  const blankedOf = new Map<Question, string>();
  for (const fact of ctx.facts) {
    // One cloze per key slot of a fact: a second quote blanking the same thing teaches nothing new.
    const asked = new Set<string>();
    fact.sources.forEach((ref, qi) => {
      for (const span of clozeSpans(ctx.ix, fact, ref.quote)) {
        if (asked.has(span.key)) continue;
        // A whole quoted sentence as the blank ("“_____,” Peskov replied" → "This report is not true") asks for
        // verbatim recall of a sentence whose gist the frame gives away: its card teaches it; no question.
        if (span.field === "words" && /^\p{Lu}/u.test(span.answer) && span.answer.trim().split(/\s+/).length >= 4) continue;
        asked.add(span.key);
        const shown = clozeInSentence(ctx.ix, fact, qi, span.blanked, span.answer);
        const q: Question = {
          id: stableId("q", ["cloze", fact.id, String(qi), span.key]),
          type: "cloze",
          prompt: clozePrompt(ctx.ix, fact, shown.blanked, qi),
          answer: span.answer,
          acceptedAnswers: span.accepted,
          factIds: [fact.id],
          sources: [{ ...quoteCitation(ctx.ix, fact, qi), quote: shown.quote }],
          explanation: explainFact(ctx.ix, fact, span.answer, qi),
          about: span.field === "words" ? "quote" : span.field,
          answerKind: span.answerKind,
          ...(span.date
            ? { date: span.date.date, precision: span.date.precision, yearOptional: span.date.yearOptional, ...(span.date.part ? { part: span.date.part } : {}) }
            : {}),
          ...(span.numberValue !== undefined ? { numberValue: span.numberValue, unit: span.unit ?? "" } : {}),
        };
        out.push(q);
        blankedOf.set(q, span.blanked);
        if (span.key === "words") {
          for (const p of pairedWords(ctx, fact, qi, shown, span.answer, span.accepted)) {
            out.push(p);
            blankedOf.set(p, span.blanked);
          }
        }
      }
    });
  }
  // Two facts quoting one sentence, in full or in part, would give the same blank twice (with or
  // without a rival account before it): one stays — the one with the rival account, then the fuller
  // quote, then the first.
  const rank = (q: Question): [number, number, number] => [q.factIds.length, blankedOf.get(q)?.length ?? 0, -out.indexOf(q)];
  const better = (r: Question, q: Question): boolean => {
    const [a, b] = [rank(r), rank(q)];
    return a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];
  };
  const beaten = (q: Question, r: Question): boolean => {
    const a = blankedOf.get(q);
    const b = blankedOf.get(r);
    if (a === undefined || b === undefined || q === r || q.answer !== r.answer) return false;
    return (b.includes(a) || a.includes(b)) && better(r, q);
  };
  return out.filter((q) => !out.some((r) => beaten(q, r)));
}

/**
 * Paired accounts in the parties' own words: the rival account first, then
 * the party's words blanked — "Baku described its operation as “local
 * anti-terrorist measures”. … reporting the account of the Armenian
 * government: “calling what was happening "_____."”" — for each conflicting
 * fact whose statement does not print the answer.
 */
function pairedWords(ctx: BuildContext, fact: Fact, qi: number, shown: { blanked: string; quote: string }, answer: string, accepted: string[]): Question[] {
  if (!fact.contested) return [];
  const out: Question[] = [];
  for (const rivalId of fact.conflictsWith) {
    const rival = ctx.ix.factById.get(rivalId);
    if (!rival || !ctx.facts.includes(rival)) continue;
    const sentence = accountSentence(rival);
    if (normalizeAnswer(sentence).includes(normalizeAnswer(answer))) continue;
    out.push({
      id: stableId("q", ["cloze", fact.id, String(qi), "words", "paired", rival.id]),
      type: "cloze",
      prompt: `Fill in the blank. ${sentence} ${clozeFrame(ctx.ix, fact, shown.blanked, qi)}`,
      answer,
      acceptedAnswers: accepted,
      factIds: [fact.id, rival.id],
      sources: [{ ...quoteCitation(ctx.ix, fact, qi), quote: shown.quote }, publicCitation(slotCitation(ctx.ix, rival, "by"))],
      explanation: explainFact(ctx.ix, fact, answer, qi),
      about: "quote",
      answerKind: "text",
    });
  }
  return out;
}
