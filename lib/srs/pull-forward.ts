import { type SrsCardState, assertValidDate, newCardState } from "./card-state";
import { cloneCardState } from "./clone-card-state";

/**
 * "A fact missed in a quiz becomes due": makes a card due now without
 * touching its memory (stability, difficulty, reps, lapses, steps unchanged).
 *
 * - no state (never studied): a stored New state due now, `version` 1 — the
 *   first write. `buildQueue` shows a stored New state due ≤ now outside
 *   the new-card limit;
 * - any state due later than `now`: the same state with `due = now`,
 *   `version + 1`. A Review card then sits in today's review queue; grading
 *   it early is fine, FSRS uses the real elapsed time;
 * - already due (`due ≤ now`): returned unchanged, same `version` — the
 *   data layer can skip the write when the version did not move.
 */
export function pullForward(state: SrsCardState | null, now: Date): SrsCardState {
  assertValidDate(now, "now");
  if (state === null) return { ...newCardState(now), version: 1 };
  if (state.due.getTime() <= now.getTime()) return state;
  return { ...cloneCardState(state), due: new Date(now.getTime()), version: state.version + 1 };
}
