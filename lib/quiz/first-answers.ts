import type { QuizAnswer, QuizSnapshot } from "./quiz-snapshot";
import { UnknownQuestion } from "./unknown-question";

/**
 * The answer that counts for each question: the earliest by `answeredAt`
 * (ties: the first in the list). A question is answered once — with
 * immediate feedback the student has seen the solution after that — so a
 * later answer to the same question is ignored. Throws UnknownQuestion for
 * an answer to a question not in the snapshot.
 */
export function firstAnswers(snapshot: QuizSnapshot, answers: readonly QuizAnswer[]): Map<string, QuizAnswer> {
  const ids = new Set(snapshot.questions.map((q) => q.id));
  const out = new Map<string, QuizAnswer>();
  for (const a of answers) {
    if (!ids.has(a.questionId)) throw new UnknownQuestion(a.questionId);
    const prev = out.get(a.questionId);
    if (!prev || a.answeredAt.getTime() < prev.answeredAt.getTime()) out.set(a.questionId, a);
  }
  return out;
}
