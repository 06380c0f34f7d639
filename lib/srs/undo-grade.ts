import type { SrsCardState } from "./card-state";
import { cloneCardState } from "./clone-card-state";
import type { SrsReviewLog } from "./review-log";
import { StaleState } from "./stale-state";

/** What the student reads when the card moved on since the grade they want to undo. */
export const UNDO_STALE = "The card changed since that grade; it cannot be undone.";

/**
 * Undoes a review: the card's state before it (`log.previous`), every
 * scheduling field exactly as it was, with `version` = `log.version + 1`.
 *
 * Why not the old version number: versions must only grow, or a client
 * holding the state from before an undo-and-regrade could pass the version
 * check against a different state (the ABA problem). Compare states without
 * `version` to test a round trip.
 *
 * With `current`, checks that the card is still in the state this review
 * produced (`current.version === log.version`), else throws StaleState
 * (409, `UNDO_STALE`): only the latest review of a card can be undone.
 */
export function undoGrade(log: SrsReviewLog, current?: SrsCardState): SrsCardState {
  if (current && current.version !== log.version) throw new StaleState(log.version, current.version, UNDO_STALE);
  return { ...cloneCardState(log.previous), version: log.version + 1 };
}
