import { z } from "zod";
import { QUESTION_TYPES } from "@/lib/generate/question";
import { QUIZ_FEEDBACK } from "./quiz-snapshot";

/** Most questions in one quiz. */
export const MAX_QUIZ_QUESTIONS = 50;

/**
 * A request to start a quiz: a deck, 1–50 questions (default 10; a numeric
 * string from a form is accepted), optionally a non-empty subset of the
 * question types without repeats (absent: all types), and the feedback mode
 * (default "immediate").
 */
export const quizStartSchema = z.object({
  deckId: z.string().trim().min(1).max(100),
  count: z.coerce.number().int().min(1).max(MAX_QUIZ_QUESTIONS).default(10),
  types: z
    .array(z.enum(QUESTION_TYPES))
    .min(1)
    .max(QUESTION_TYPES.length)
    .refine((ts) => new Set(ts).size === ts.length, { message: "each type at most once" })
    .optional(),
  feedback: z.enum(QUIZ_FEEDBACK).default("immediate"),
});
export type QuizStartRequest = z.output<typeof quizStartSchema>;
