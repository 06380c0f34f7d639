import type { SrsCardState } from "./card-state";

/** A deep copy of a state (fresh Date objects), so callers cannot alias it. */
export function cloneCardState(s: SrsCardState): SrsCardState {
  return { ...s, due: new Date(s.due.getTime()), lastReview: s.lastReview ? new Date(s.lastReview.getTime()) : null };
}
