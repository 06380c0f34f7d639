import type { Question } from "@/lib/generate/question";
import type { QuizSnapshot } from "./quiz-snapshot";
import { UnknownQuestion } from "./unknown-question";

/** The question with this id in the snapshot, with its index; throws UnknownQuestion if absent. */
export function findQuestion(snapshot: QuizSnapshot, questionId: string): { question: Question; index: number } {
  const index = snapshot.questions.findIndex((q) => q.id === questionId);
  const question = snapshot.questions[index];
  if (!question) throw new UnknownQuestion(questionId);
  return { question, index };
}
