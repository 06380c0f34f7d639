import { formatWhen } from "@/lib/content/when";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import { printedDateForms } from "./cloze";
import type { Question } from "./question";

type Prepared = { q: Question; facts: Set<string>; text: string; forms: string[] };

/** The forms in which a question's answer could be printed elsewhere. */
function answerForms(q: Question): string[] {
  const out: string[] = [];
  if (typeof q.answer === "string") {
    if (q.type !== "true-false") out.push(q.answer, ...(q.acceptedAnswers ?? []));
  } else if (q.type === "matching") {
    for (const p of q.answer as { left: string; right: string }[]) out.push(p.right);
  }
  if (q.date && q.precision && q.type !== "true-false") {
    const w = { date: q.date, precision: q.precision, ...(q.part ? { part: q.part } : {}) };
    out.push(formatWhen(w), ...printedDateForms(w));
  }
  return [...new Set(out.map(normalizeAnswer))].filter((f) => f.length >= 4);
}

export function prepareForGiveaway(q: Question): Prepared {
  const shown = [q.prompt, ...(q.type === "timeline" || q.type === "matching" ? [...(q.left ?? []), ...(q.right ?? []), ...(q.options ?? [])] : [])];
  return { q, facts: new Set(q.factIds), text: ` ${normalizeAnswer(shown.join(" | "))} `, forms: answerForms(q) };
}

function reveals(a: Prepared, b: Prepared): boolean {
  return b.forms.some((f) => a.text.includes(` ${f} `));
}

/**
 * Whether two questions should not share a quiz because one gives the other
 * away. Rule: they are about a common fact (any question on a fact hints at
 * its other fields), or the text one shows (prompt; for timeline and matching
 * also its items) contains the other's answer in any accepted or printed form
 * of four or more characters after normalisation.
 */
export function givesAway(a: Prepared, b: Prepared): boolean {
  for (const f of a.facts) if (b.facts.has(f)) return true;
  return reveals(a, b) || reveals(b, a);
}
