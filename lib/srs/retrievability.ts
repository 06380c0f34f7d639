import { computeDecayFactor, forgetting_curve } from "ts-fsrs";
import { type SrsCardState, assertValidDate } from "./card-state";
import type { SrsParams } from "./params";
import { schedulerFor } from "./scheduler";

const DAY_MS = 86_400_000;
/** The (clipped) FSRS weights per params object: building a scheduler per card is wasteful in averages. */
const weights = new WeakMap<SrsParams, readonly number[]>();

function weightsFor(params: SrsParams): readonly number[] {
  let w = weights.get(params);
  if (!w) {
    w = schedulerFor(params).parameters.w;
    weights.set(params, w);
  }
  return w;
}

/**
 * The probability of recalling the card at `now`, FSRS-6's forgetting curve
 * `R(t, S) = (1 + factor · t / S)^(−w20)` with `factor = 0.9^(1/−w20) − 1`
 * (ts-fsrs `forgetting_curve`, the params' weights, rounded to 8 decimals),
 * `t` = days since the last review.
 *
 * `t` is the exact elapsed time in days (ts-fsrs's `get_retrievability`
 * floors it to whole days; the two agree at whole days), clamped at 0.
 * A card with no memory yet (state New, no last review, or stability 0) has
 * no retrievability: `null`, not 0 — it was never learnt, not forgotten.
 */
export function retrievability(state: SrsCardState, now: Date, params: SrsParams): number | null {
  assertValidDate(now, "now");
  if (state.state === "New" || !state.lastReview || !(state.stability > 0)) return null;
  const t = Math.max(0, (now.getTime() - state.lastReview.getTime()) / DAY_MS);
  return forgetting_curve(weightsFor(params), t, state.stability);
}

/**
 * The forgetting curve's two constants for these params, as ts-fsrs
 * computes them (`computeDecayFactor`: `decay` = −w20, `factor` rounded to 8
 * decimals), for code that evaluates `R = round8((1 + factor · t / S)^decay)`
 * elsewhere — the class reports do it in SQL (lib/data report-reads
 * `recallSql`); a unit test checks the formula against `retrievability`.
 */
export function forgettingCurve(params: SrsParams): { decay: number; factor: number } {
  return computeDecayFactor(weightsFor(params));
}
