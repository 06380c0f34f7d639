import { applyGrade } from "./apply-grade";
import { newCardState, type SrsCardState } from "./card-state";
import type { Grade } from "./grade";
import type { SrsParams } from "./params";
import type { SrsReviewLog } from "./review-log";
import { StaleState } from "./stale-state";

/** What the student reads when the card moved on since it was shown. */
export const CARD_CHANGED = "This card changed since it was shown (another tab or device). It has been reloaded.";

export type AnsweredCard = {
  next: SrsCardState;
  log: SrsReviewLog;
  /** When the review counts as made (see the clock-skew rule). */
  reviewedAt: Date;
  /** True when the card had no state before: this grade introduced it (undo then removes the state). */
  introduced: boolean;
};

/**
 * A student's grade of a card shown at version `expectedVersion`:
 * - the card's state (a new card's when it has none) must still be at that
 *   version, else StaleState (409, `CARD_CHANGED`): another tab or device
 *   graded it since;
 * - servers behind a load balancer can disagree by a little, so a review is
 *   never earlier than the card's last one (`applyGrade` refuses that): an
 *   earlier `now` is taken as the last review's time;
 * - the next state and its log are `applyGrade`'s.
 */
export function answerCard(input: { current: SrsCardState | null; expectedVersion: number; grade: Grade; now: Date; params: SrsParams }): AnsweredCard {
  const current = input.current ?? newCardState(input.now);
  if (current.version !== input.expectedVersion) throw new StaleState(input.expectedVersion, current.version, CARD_CHANGED);
  const reviewedAt = current.lastReview && current.lastReview > input.now ? current.lastReview : input.now;
  const { next, log } = applyGrade(current, input.grade, reviewedAt, input.params);
  return { next, log, reviewedAt, introduced: input.current === null };
}
