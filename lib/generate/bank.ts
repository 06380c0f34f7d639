import { normalizeAnswer } from "@/lib/quiz/answers-text";
import type { BuildContext } from "./build-context";
import type { CorpusIndex } from "./corpus-index";
import { withGradingForms } from "./grading-forms";
import { withDateNotes } from "./inferred-dates";
import { withStemSupport } from "./stem-support";
import type { Question, QuestionType } from "./question";
import { accordingToWhomQuestions } from "./question-according-to-whom";
import { clozeQuestions } from "./question-cloze";
import { matchingQuestions } from "./question-matching";
import { multipleChoiceQuestions } from "./question-multiple-choice";
import { shortAnswerQuestions } from "./question-short-answer";
import { timelineQuestions } from "./question-timeline";
import { trueFalseQuestions } from "./question-true-false";
import { typedDateQuestions } from "./question-typed-date";

const BUILDERS: Record<QuestionType, (ctx: BuildContext) => Question[]> = {
  "multiple-choice": multipleChoiceQuestions,
  "true-false": trueFalseQuestions,
  "typed-date": typedDateQuestions,
  "short-answer": shortAnswerQuestions,
  cloze: clozeQuestions,
  timeline: timelineQuestions,
  matching: matchingQuestions,
  "according-to-whom": accordingToWhomQuestions,
};

/** Types whose answer is one printed value the stem must not show. */
const SINGLE_ANSWER = new Set<QuestionType>(["multiple-choice", "short-answer", "typed-date", "according-to-whom"]);

/** Whether the prompt prints the answer itself ("… the Armenian media report …" → "Armenian media outlets"). */
function promptShowsAnswer(q: Question): boolean {
  if (!SINGLE_ANSWER.has(q.type) || typeof q.answer !== "string") return false;
  const answer = normalizeAnswer(q.answer);
  return answer.length >= 3 && ` ${normalizeAnswer(q.prompt)} `.includes(` ${answer} `);
}

/**
 * The corpus's own topic: a place that is where a fifth or more of all facts
 * happen (Nagorno-Karabakh in a corpus of reports on Nagorno-Karabakh).
 */
function topicPlaces(ix: CorpusIndex): Set<string> {
  const hit = ix.memo.get("topic-places") as Set<string> | undefined;
  if (hit) return hit;
  const counts = new Map<string, number>();
  for (const f of ix.facts) for (const id of new Set(f.where)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const out = new Set([...counts].filter(([, n]) => n >= ix.facts.length / 5).map(([id]) => id));
  ix.memo.set("topic-places", out);
  return out;
}

/**
 * A typed where-question keyed by the topic ("In which region did the
 * trilateral statement establish a ceasefire?" → Nagorno-Karabakh) is
 * answered without the fact by anyone who knows what the quiz is about: not
 * asked. Multiple choice and true/false keep it (their options are other
 * regions or dates, so the fact decides), and so do its cards (read with
 * their sentence, not guessed).
 */
function asksTheTopic(ix: CorpusIndex, q: Question): boolean {
  if (q.about !== "where" || q.type !== "short-answer" || typeof q.answer !== "string") return false;
  // "Name one place where … by both sides took place": either side's country answers it.
  if (/\bboth sides\b/i.test(q.prompt)) return true;
  const answer = normalizeAnswer(q.answer);
  return [...topicPlaces(ix)].some((id) => (ix.forms.get(id) ?? []).some((f) => normalizeAnswer(f) === answer));
}

/**
 * Every question the facts in scope support, for the requested types, in a
 * fixed order (type, then fact id). Ids are unique: a builder that would emit
 * the same id (or the same prompt and answer) twice keeps the first. A
 * question whose prompt prints its own answer is dropped.
 */
export function buildBank(ctx: BuildContext, types: readonly QuestionType[]): Question[] {
  const seen = new Set<string>();
  const out: Question[] = [];
  for (const t of types) {
    for (const q of BUILDERS[t](ctx)) {
      // Two facts quoting one sentence give the same cloze: keep the first.
      const content = `${q.type}\u0000${q.prompt}\u0000${JSON.stringify(q.answer)}`;
      if (seen.has(q.id) || seen.has(content) || promptShowsAnswer(q) || asksTheTopic(ctx.ix, q)) continue;
      seen.add(q.id);
      seen.add(content);
      out.push(withDateNotes(ctx.ix, withStemSupport(ctx.ix, withGradingForms(ctx.ix, q))));
    }
  }
  return out;
}
