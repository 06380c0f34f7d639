import type { DoneToday } from "./build-queue";
import type { SrsState } from "./card-state";

/**
 * The day's counts `buildQueue` limits by, from the reviews of the current
 * study day that were not undone, each by the card's state before it: a
 * first review of a New card (forced ones — brought in by a missed quiz —
 * included) is a new card introduced; one of a card in Review is a review.
 * Learning and relearning steps count as neither.
 */
export function countDoneToday(previousStates: readonly SrsState[]): DoneToday {
  let newIntroduced = 0;
  let reviews = 0;
  for (const state of previousStates) {
    if (state === "New") newIntroduced++;
    else if (state === "Review") reviews++;
  }
  return { newIntroduced, reviews };
}
