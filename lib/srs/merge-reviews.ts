import { applyGrade } from "./apply-grade";
import { newCardState, type SrsCardState } from "./card-state";
import { cloneCardState } from "./clone-card-state";
import type { Grade } from "./grade";
import type { SrsParams } from "./params";
import type { SrsReviewLog } from "./review-log";

/** One review of a card as the merge sees it: its id (the client's review id), grade and time. */
export type ReviewEvent = { id: string; grade: Grade; reviewedAt: Date };

/** Time order of reviews: by `reviewedAt`, then by id (two devices can grade in the same millisecond). */
export function byReviewTime(a: ReviewEvent, b: ReviewEvent): number {
  return a.reviewedAt.getTime() - b.reviewedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The state a card reaches from `start` by its reviews replayed in time
 * order (`byReviewTime`) with `applyGrade` — ts-fsrs rescheduling from a
 * history. A review earlier than the state's last review (clocks that
 * disagree) counts as made at that last review, as `answerCard` does.
 * The result's `version` is `start.version + reviews.length` (each grade +1).
 */
export function replayReviews(start: SrsCardState, reviews: readonly ReviewEvent[], params: SrsParams): { state: SrsCardState; logs: { id: string; log: SrsReviewLog; reviewedAt: Date }[] } {
  let state = cloneCardState(start);
  const logs: { id: string; log: SrsReviewLog; reviewedAt: Date }[] = [];
  for (const r of [...reviews].sort(byReviewTime)) {
    const at = state.lastReview && state.lastReview > r.reviewedAt ? state.lastReview : r.reviewedAt;
    const { next, log } = applyGrade(state, r.grade, at, params);
    logs.push({ id: r.id, log, reviewedAt: at });
    state = next;
  }
  return { state, logs };
}

/**
 * Merges a grade made offline on a card whose state changed elsewhere since
 * (another device or tab graded it), the way Anki merges revlogs:
 * - the logs are a union: the card's standing (not undone) reviews and the
 *   incoming one are all kept;
 * - the card's state is the replay of all of them in time order from the
 *   state before the first standing review (`start`: that review's
 *   `previous`; null when the card has none, then `current`, or a new card
 *   at the incoming review's time);
 * - the new state's version is `current.version + 1` (versions only grow),
 *   and the incoming log's `previous` is `current`, so undoing the merged
 *   grade puts the card back exactly as it was before the merge.
 * `introduced` is true when the card had no state at all.
 */
export function mergeOfflineGrade(input: {
  current: SrsCardState | null;
  start: SrsCardState | null;
  standing: readonly ReviewEvent[];
  incoming: ReviewEvent;
  params: SrsParams;
}): { next: SrsCardState; log: SrsReviewLog; reviewedAt: Date; introduced: boolean } {
  const base = (input.standing.length > 0 ? input.start : null) ?? input.current ?? newCardState(input.incoming.reviewedAt);
  const { state, logs } = replayReviews(base, [...input.standing, input.incoming], input.params);
  const mine = logs.find((l) => l.id === input.incoming.id)!;
  const version = (input.current?.version ?? 0) + 1;
  const previous = input.current ?? newCardState(input.incoming.reviewedAt);
  return {
    next: { ...state, version },
    log: { ...mine.log, previous: cloneCardState(previous), version },
    reviewedAt: mine.reviewedAt,
    introduced: input.current === null,
  };
}

/** How far back a queued grade's own time is believed (a device that stayed offline longer is taken as then). */
export const QUEUED_GRADE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * The time a grade queued on a device counts as made: the device's time,
 * never later than the server's `now` (a clock ahead) and never more than
 * `QUEUED_GRADE_MAX_AGE_MS` before it.
 */
export function queuedReviewTime(sent: Date, now: Date): Date {
  const t = Math.min(now.getTime(), Math.max(sent.getTime(), now.getTime() - QUEUED_GRADE_MAX_AGE_MS));
  return new Date(t);
}
