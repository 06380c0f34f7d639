import { type SrsCardState, assertValidDate, fromFsrsCard, fromFsrsState, toFsrsCard } from "./card-state";
import { cloneCardState } from "./clone-card-state";
import { toFsrsRating } from "./fsrs-rating";
import { type Grade, parseGrade } from "./grade";
import { InvalidSrsInput } from "./invalid-srs-input";
import type { SrsParams } from "./params";
import type { SrsReviewLog } from "./review-log";
import { schedulerFor } from "./scheduler";

/**
 * Grades a card at `now`: ts-fsrs `FSRS.next(card, now, grade)` with FSRS-6
 * and the params' learning steps, retention, fuzz and maximum interval.
 * The next state's `version` is the old one + 1.
 *
 * Deterministic: ts-fsrs seeds its fuzz (Alea PRNG) with
 * `${now.getTime()}_${reps + 1}_${difficulty * stability}` of the card being
 * graded (its DefaultInitSeedStrategy), so the same state, grade, `now` and
 * params always give the same due date, and `previewIntervals` shows exactly
 * what `applyGrade` will do. Fuzz only touches intervals of 2.5 days or more.
 *
 * Throws InvalidGrade for a grade outside 1–4, InvalidSrsInput for an
 * invalid `now` or one earlier than the card's last review.
 */
export function applyGrade(
  state: SrsCardState,
  grade: Grade,
  now: Date,
  params: SrsParams,
): { next: SrsCardState; log: SrsReviewLog } {
  const g = parseGrade(grade);
  assertValidDate(now, "now");
  if (state.lastReview && now.getTime() < state.lastReview.getTime()) {
    throw new InvalidSrsInput("now", "a review cannot be earlier than the card's last review");
  }
  const item = schedulerFor(params).next(toFsrsCard(state), new Date(now.getTime()), toFsrsRating(g));
  const version = state.version + 1;
  const l = item.log;
  return {
    next: fromFsrsCard(item.card, version),
    log: {
      rating: g,
      state: fromFsrsState(l.state),
      due: new Date(l.due.getTime()),
      stability: l.stability,
      difficulty: l.difficulty,
      elapsedDays: l.elapsed_days,
      lastElapsedDays: l.last_elapsed_days,
      scheduledDays: l.scheduled_days,
      learningSteps: l.learning_steps,
      review: new Date(l.review.getTime()),
      previous: cloneCardState(state),
      version,
    },
  };
}
