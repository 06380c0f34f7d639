import type { MatchPair, Question, QuestionType } from "@/lib/generate/question";
import { answerCredit } from "@/lib/quiz/answer-credit";

/**
 * What the student's browser may know about a question before answering it:
 * the prompt and what to pick from, never the answer, the accepted forms or
 * the explanation (those come with the feedback, after the answer is stored).
 */
export type PublicQuestion = {
  id: string;
  type: QuestionType;
  prompt: string;
  options?: string[];
  left?: string[];
  right?: string[];
  /** How a typed answer is read: "date" asks for a date, "number" for a figure. */
  answerKind?: "text" | "number" | "date";
};

export function publicQuestion(q: Question): PublicQuestion {
  return {
    id: q.id,
    type: q.type,
    prompt: q.prompt,
    ...(q.options ? { options: [...q.options] } : {}),
    ...(q.left ? { left: [...q.left] } : {}),
    ...(q.right ? { right: [...q.right] } : {}),
    ...(q.answerKind ? { answerKind: q.answerKind } : {}),
  };
}

/**
 * One quote behind an answer and the link to it in its article
 * (`/sources/<slug>#<fact-id>`), with its article's outlet and, when the
 * sentence needs one, the step in words ("“on Monday” — …").
 */
export type Citation = { quote: string; slug: string; link: string; outlet?: string; step?: string };

/** What the student sees after an answer: verdict, the right answer, the quotes and where they are. */
export type Feedback = {
  correct: boolean;
  /** Credit earned, 0–1 (partial for timeline and matching). */
  partial: number;
  expected: string;
  given: string;
  /** Timeline and matching: the right order / pairs, one line each. */
  expectedItems: string[] | null;
  /** Timeline and matching: what was given, one line each, each marked right or not. */
  givenItems: { text: string; right: boolean }[] | null;
  /** Whose account a claim is, and whether it is disputed, when the question is about a claim. */
  note: string | null;
  /** For a true/false question whose answer is "False": what is true instead (its evidence is in `sources`). */
  truth: string | null;
  /** Each year or date the question shows that the articles do not print: what is inferred, and why. */
  dateNotes: string[];
  explanation: string;
  sources: Citation[];
};

/** The quotes of a question with the link of each; facts and sources are listed in the same order. */
export function citationsOf(q: Question): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  q.sources.forEach((s, i) => {
    const factId = q.factIds.length === q.sources.length ? q.factIds[i] : q.factIds[0];
    const link = `/sources/${s.slug}#${factId ?? ""}`;
    // Two sentences of one fact in one article (the answer's, and the one naming the event) share a link.
    if (seen.has(`${link}\u0000${s.quote}`)) return;
    seen.add(`${link}\u0000${s.quote}`);
    out.push({ quote: s.quote, slug: s.slug, link, ...(s.outlet ? { outlet: s.outlet } : {}), ...(s.step ? { step: s.step } : {}) });
  });
  return out;
}

const CLAIM_NOTE = /This is (?:[^.]*?'s? account|the account of )[^.]*\./;

/** A response as words: typed text, the events in order, or the pairs matched. */
export function responseText(response: unknown): string {
  if (typeof response === "string") return response.trim() === "" ? "(left blank)" : response;
  if (Array.isArray(response)) {
    return response
      .map((r: unknown) => (r && typeof r === "object" && "left" in r && "right" in r ? `${String(r.left)} = ${String(r.right)}` : String(r)))
      .join(response.some((r) => typeof r === "object") ? "; " : " → ");
  }
  return String(response);
}

function pairText(p: { left: unknown; right: unknown }): string {
  return `${String(p.left)} = ${String(p.right)}`;
}

/** The lines of a timeline or matching answer, and of the response, each response line marked right (same place / right pair). */
function items(q: Question, response: unknown): Pick<Feedback, "expectedItems" | "givenItems"> {
  if (q.type === "timeline" && Array.isArray(q.answer)) {
    const want = q.answer as string[];
    const given = Array.isArray(response) ? response.map(String) : [];
    return { expectedItems: want, givenItems: given.length ? given.map((g, i) => ({ text: g, right: want[i] === g })) : null };
  }
  if (q.type === "matching" && Array.isArray(q.answer)) {
    const want = q.answer as MatchPair[];
    const right = new Map(want.map((p) => [p.left, p.right]));
    const given = Array.isArray(response) ? (response as { left: unknown; right: unknown }[]).filter((p) => p && typeof p === "object") : [];
    return {
      expectedItems: want.map(pairText),
      givenItems: given.length ? given.map((p) => ({ text: pairText(p), right: right.get(String(p.left)) === p.right })) : null,
    };
  }
  return { expectedItems: null, givenItems: null };
}

export function feedbackFor(q: Question, grade: { correct: boolean; partial?: number; expected: string }, response: unknown): Feedback {
  return {
    ...items(q, response),
    correct: grade.correct,
    partial: answerCredit(grade),
    expected: grade.expected,
    given: responseText(response),
    note: CLAIM_NOTE.exec(q.explanation)?.[0] ?? null,
    truth: q.type === "true-false" && q.answer === "False" ? (q.trueStatement ?? null) : null,
    dateNotes: q.dateNotes ?? [],
    explanation: q.explanation,
    sources: citationsOf(q),
  };
}
