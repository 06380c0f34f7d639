import type { SrsCardState, SrsState } from "./card-state";
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
