import { z } from "zod";
import { QUESTION_TYPES, type Question } from "@/lib/generate/question";
import { QUIZ_FEEDBACK, type QuizSettings, type QuizSnapshot } from "./quiz-snapshot";

/*
 * The quiz JSON stored with an attempt (prisma/models.prisma QuizAttempt,
 * QuizAnswer), read back through these schemas rather than cast: a row
 * that does not parse is a bug (or a hand-edited database) and fails loudly
 * instead of grading against a wrong shape.
 */

/** `QuizAttempt.settingsJson`. */
export const storedQuizSettingsSchema = z.object({
  count: z.number().int(),
  types: z.array(z.enum(QUESTION_TYPES)).nullable(),
  feedback: z.enum(QUIZ_FEEDBACK),
}) satisfies z.ZodType<QuizSettings, unknown>;

const matchPair = z.object({ left: z.string(), right: z.string() });

/**
 * One question of a stored snapshot: the fields the grader, the feedback
 * and the reports rely on are checked; the others (grading hints, the
 * question's topic) are kept as stored, so a snapshot written by a later
 * generator still reads.
 */
const storedQuestionSchema = z
  .looseObject({
    id: z.string().min(1),
    type: z.enum(QUESTION_TYPES),
    prompt: z.string(),
    options: z.array(z.string()).optional(),
    answer: z.union([z.string(), z.array(z.string()), z.array(matchPair)]),
    acceptedAnswers: z.array(z.string()).optional(),
    factIds: z.array(z.string()),
    sources: z.array(z.looseObject({ slug: z.string(), quote: z.string() })),
    explanation: z.string(),
    about: z.string(),
    left: z.array(z.string()).optional(),
    right: z.array(z.string()).optional(),
  })
  .transform((q) => q as unknown as Question);

/** `QuizAttempt.snapshotJson`. */
export const storedQuizSnapshotSchema = z.object({
  seed: z.string(),
  settings: storedQuizSettingsSchema,
  questions: z.array(storedQuestionSchema),
}) satisfies z.ZodType<QuizSnapshot, unknown>;

/** `QuizAnswer.responseJson`: any JSON value — its shape is the grader's to read (`gradeAnswer`). */
export const storedResponseSchema = z.json();

/** Parses stored JSON text with its schema. */
export function parseStored<T>(schema: z.ZodType<T, unknown>, json: string): T {
  return schema.parse(JSON.parse(json));
}
