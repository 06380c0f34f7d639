import type { SrsCardState } from "./card-state";
import { cloneCardState } from "./clone-card-state";
import type { SrsReviewLog } from "./review-log";
import { StaleState } from "./stale-state";

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
 * produced (`current.version === log.version`), else throws StaleState:
 * only the latest review of a card can be undone.
 */
export function undoGrade(log: SrsReviewLog, current?: SrsCardState): SrsCardState {
  if (current && current.version !== log.version) throw new StaleState(log.version, current.version);
  return { ...cloneCardState(log.previous), version: log.version + 1 };
}
