import { AppError } from "@/lib/errors";
import type { Question, QuestionType } from "@/lib/generate/question";

/** When the student sees whether an answer was right: after each question, or only at the end. */
export const QUIZ_FEEDBACK = ["immediate", "end"] as const;
export type QuizFeedback = (typeof QUIZ_FEEDBACK)[number];

/** The settings an attempt was started with. `types: null` means every type. */
export type QuizSettings = { count: number; types: QuestionType[] | null; feedback: QuizFeedback };

/**
 * An attempt as it was shown, frozen when it starts so that later changes
 * to the corpus or the generator cannot change a quiz in progress or its
 * result: the questions exactly as generated, in the order shown (the array
 * order), the settings and the seed that produced them.
 */
export type QuizSnapshot = { seed: string; settings: QuizSettings; questions: Question[] };

/** One answer given during an attempt. `response` is what the student sent (see `gradeAnswer`). */
export type QuizAnswer = { questionId: string; response: unknown; answeredAt: Date };

/** Thrown by `makeQuizSnapshot` for an empty quiz or a question id used twice (500: callers check first). */
export class InvalidQuizSnapshot extends AppError {
  override name = "InvalidQuizSnapshot";
}

/**
 * A snapshot from generated questions. Rule: at least one question, ids
 * unique (answers are keyed by question id); the questions are copied so
 * the snapshot does not alias the generator's objects.
 */
export function makeQuizSnapshot(input: { seed: string; settings: QuizSettings; questions: readonly Question[] }): QuizSnapshot {
  if (input.questions.length === 0) throw new InvalidQuizSnapshot("a quiz needs at least one question");
  const seen = new Set<string>();
  for (const q of input.questions) {
    if (seen.has(q.id)) throw new InvalidQuizSnapshot(`question id ${q.id} appears twice`);
    seen.add(q.id);
  }
  return {
    seed: input.seed,
    settings: { ...input.settings, types: input.settings.types ? [...input.settings.types] : null },
    questions: structuredClone([...input.questions]),
  };
}
