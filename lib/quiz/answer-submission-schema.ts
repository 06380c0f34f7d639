import { z } from "zod";

/** Longest typed answer, in characters. */
export const MAX_ANSWER_LENGTH = 500;
/** Most items in an ordering (timeline) or matching answer. */
export const MAX_ANSWER_ITEMS = 20;

const item = z.string().max(MAX_ANSWER_LENGTH);

/**
 * One answer sent during a quiz. `response` is one of the shapes
 * `gradeAnswer` reads: a string (typed text, the chosen option, "true" /
 * "false"), the event labels in order (timeline), or `{ left, right }` pairs
 * (matching); each string at most 500 characters, at most 20 items. An empty
 * string is allowed (a blank answer is graded wrong, not refused).
 */
export const answerSubmissionSchema = z.object({
  attemptId: z.string().min(1).max(100),
  questionId: z.string().min(1).max(200),
  response: z.union([
    item,
    z.array(item).min(1).max(MAX_ANSWER_ITEMS),
    z.array(z.object({ left: item, right: item }).strict()).min(1).max(MAX_ANSWER_ITEMS),
  ]),
});
export type AnswerSubmission = z.output<typeof answerSubmissionSchema>;
