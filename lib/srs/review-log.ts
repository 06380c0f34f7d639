import { z } from "zod";
import { srsCardStateSchema, type SrsCardState, type SrsState } from "./card-state";
import type { Grade } from "./grade";

/**
 * One review, as ts-fsrs logs it, plus what undo needs.
 *
 * The ts-fsrs fields describe the card as it was *before* the review:
 * `state`, `stability`, `difficulty`, `scheduledDays`, `learningSteps` are
 * the old values, `due` is the old last review (or the old due date for a
 * new card), `elapsedDays` the days since the last review (calendar days in
 * UTC, as ts-fsrs counts them), `lastElapsedDays` the card's previous
 * `elapsedDays`, `review` the time of this review.
 *
 * `previous` is the complete state before the review; `version` is the
 * version of the state the review produced (`previous.version + 1`).
 */
export type SrsReviewLog = {
  rating: Grade;
  state: SrsState;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
  previous: SrsCardState;
  version: number;
};

/** Reads an SrsReviewLog back from its stored JSON (`ReviewLog.logJson`): dates as ISO strings or epoch milliseconds. */
export const srsReviewLogSchema = z.object({
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  state: srsCardStateSchema.shape.state,
  due: z.coerce.date(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  lastElapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  review: z.coerce.date(),
  previous: srsCardStateSchema,
  version: z.number().int(),
}) satisfies z.ZodType<SrsReviewLog, unknown>;
