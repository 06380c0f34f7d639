import { applyGrade } from "@/lib/srs/apply-grade";
import { type SrsCardState, newCardState } from "@/lib/srs/card-state";
import { DEFAULT_SRS_PARAMS } from "@/lib/srs/params";

/** 2024-03-01 10:00 UTC: every fixture starts here. */
export const T0 = new Date("2024-03-01T10:00:00Z");
export const P = DEFAULT_SRS_PARAMS;

/** A card in each state, reached by real grades from T0 (values checked in apply-grade.test.ts). */
export function makeCards(): Record<SrsCardState["state"], { state: SrsCardState; at: Date }> {
  const fresh = newCardState(T0);
  const learning = applyGrade(fresh, 3, T0, P).next; // Good → step 2, due T0 + 10m
  const review = applyGrade(fresh, 4, T0, P).next; // Easy → Review, due 2024-03-09 10:00
  const relearning = applyGrade(review, 1, review.due, P).next; // lapse → Relearning, due +10m
  return {
    New: { state: fresh, at: T0 },
    Learning: { state: learning, at: learning.due },
    Review: { state: review, at: review.due },
    Relearning: { state: relearning, at: relearning.due },
  };
}

/** A state without its version, for comparing schedules. */
export function withoutVersion(s: SrsCardState): Omit<SrsCardState, "version"> {
  const rest: Partial<SrsCardState> = { ...s };
  delete rest.version;
  return rest as Omit<SrsCardState, "version">;
}
