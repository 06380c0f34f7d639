import type { SrsCardState } from "@/lib/srs/card-state";

/** How many cards are in each state; a card without state (never studied) counts as new. */
export function cardsByState(states: readonly (SrsCardState | null)[]): { new: number; learning: number; review: number; relearning: number } {
  const out = { new: 0, learning: 0, review: 0, relearning: 0 };
  for (const s of states) {
    if (!s || s.state === "New") out.new++;
    else if (s.state === "Learning") out.learning++;
    else if (s.state === "Review") out.review++;
    else out.relearning++;
  }
  return out;
}
