import type { QuizSnapshot } from "./quiz-snapshot";

/**
 * Where to resume an attempt: the index (in the order shown) of the first
 * question without an answer, or null when every question is answered.
 * Answers to ids not in the snapshot are ignored here.
 */
export function nextUnansweredIndex(snapshot: QuizSnapshot, answers: readonly { questionId: string }[]): number | null {
  const answered = new Set(answers.map((a) => a.questionId));
  const i = snapshot.questions.findIndex((q) => !answered.has(q.id));
  return i === -1 ? null : i;
}
