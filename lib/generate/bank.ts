import { normalizeAnswer } from "@/lib/quiz/answers-text";
import type { BuildContext } from "./build-context";
import { withGradingForms } from "./grading-forms";
import { withDateNotes } from "./inferred-dates";
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
      if (seen.has(q.id) || seen.has(content) || promptShowsAnswer(q)) continue;
      seen.add(q.id);
      seen.add(content);
      out.push(withDateNotes(ctx.ix, withGradingForms(ctx.ix, q)));
    }
  }
  return out;
}
