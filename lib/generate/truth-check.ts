import type { Fact, FactNumber, When } from "@/lib/content/schema";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import { type CorpusIndex, entitiesRelated, factMentions, textMentions } from "./corpus-index";
import { rangesOverlap, whenRange } from "./date-interval";
import type { EntitySlot, NumberSlot, WhenSlot } from "./fact-slots";

function sameEvent(ix: CorpusIndex, fact: Fact, g: Fact): boolean {
  return g.id === fact.id || g.label === fact.label || (ix.conflicts.get(fact.id)?.has(g.id) ?? false);
}

/**
 * Whether date `d` would make a when-stem about `slot.fact` (F) true.
 *
 * Rule: `d` is ruled out if some fact G — F itself, a fact with the same
 * label, a fact in F's conflict group, or a fact of the same kind whose
 * who-set includes F's who-set — has a date that matches `d` at either
 * precision (their day ranges overlap: 20 September 2023 matches September
 * 2023, 1988 matches the late 1980s). A same-kind fact with the same people
 * on that date could be what the stem describes, so such a date is never
 * offered as wrong.
 */
export function dateMakesStemTrue(ix: CorpusIndex, slot: WhenSlot, d: Pick<When, "date" | "precision" | "part">): boolean {
  const fact = slot.fact;
  const r = whenRange(d);
  for (const g of ix.facts) {
    if (!g.when) continue;
    if (!rangesOverlap(r, whenRange(g.when))) continue;
    if (sameEvent(ix, fact, g) || (g.kind === fact.kind && fact.who.every((w) => g.who.includes(w)))) return true;
  }
  return false;
}

/**
 * Whether entity `candidate` would make a who- or where-stem about F true.
 *
 * Rule: ruled out if it is, contains or is part of (`partOf`, either way)
 * any entity the stem is true of, any of F's people, places or attributing
 * parties, or — for places — is not provably distinct from one of them
 * (`disputedWith`, `overlaps`: offering Azerbaijan where Nagorno-Karabakh is
 * right would take a side); if F's statement, label or quotes, or the stem
 * itself, name it in any form (in doubt, a named party may well have "taken
 * part"; an option the stem names is no option); for a "Whose …?" stem, if
 * it belongs to the same state as the answer (the Kremlin's peacekeepers are
 * Russia's); or if a related fact G (same label, conflict group, or same kind
 * on an overlapping date) lists a related entity among its people, places or
 * parties.
 */
export function entityMakesStemTrue(ix: CorpusIndex, slot: EntitySlot, candidate: string): boolean {
  const fact = slot.fact;
  const own = [...slot.trueIds, ...fact.who, ...fact.where, ...(fact.attribution?.by ?? [])];
  if (own.some((t) => entitiesRelated(ix, t, candidate))) return true;
  if (factMentions(ix, fact, candidate)) return true;
  if (textMentions(ix, slot.stem, candidate) || textMentions(ix, slot.mcStem, candidate)) return true;
  if (/^whose\b/i.test(slot.stem) && sameState(ix, slot.entityId, candidate)) return true;
  const factRange = fact.when ? whenRange(fact.when) : null;
  for (const g of ix.facts) {
    if (g.id === fact.id) continue;
    const sameTime = g.kind === fact.kind && factRange && g.when && rangesOverlap(factRange, whenRange(g.when));
    if (!sameEvent(ix, fact, g) && !sameTime) continue;
    const theirs = [...g.who, ...g.where, ...(g.attribution?.by ?? [])];
    if (theirs.some((t) => entitiesRelated(ix, t, candidate))) return true;
  }
  return false;
}

/** Whether two entities share an ancestor other than themselves (both organs of one government). */
function sameState(ix: CorpusIndex, a: string, b: string): boolean {
  const up = (id: string): string[] => [...(ix.ancestors.get(id) ?? [])].filter((x) => x !== id);
  const theirs = new Set(up(b));
  return up(a).some((x) => theirs.has(x));
}

const LOWER_BOUND = /\b(more than|over|at least|upwards of|in excess of)\b/i;
const UPPER_BOUND = /\b(fewer than|less than|up to|at most|under|no more than)\b/i;
const APPROX = /\b(about|around|approximately|nearly|almost|roughly|some|close to)\b/i;

export type Hedge = "lower" | "upper" | "approx" | "exact";

/** How a printed figure is hedged: "more than 2,000" is a lower bound, "about 300" approximate. */
export function hedgeOf(n: Pick<FactNumber, "text" | "qualifier">): Hedge {
  const hedge = `${n.qualifier ?? ""} ${n.text}`;
  if (LOWER_BOUND.test(hedge)) return "lower";
  if (UPPER_BOUND.test(hedge)) return "upper";
  if (APPROX.test(hedge)) return "approx";
  return "exact";
}

/** The words a figure of each hedge is printed with. */
export const HEDGE_WORDS: Record<Hedge, string> = { lower: "more than", upper: "fewer than", approx: "about", exact: "" };

/**
 * The values a hedged figure allows, as an interval: "more than 2,000" is
 * (2,000, ∞), "about 300" is [225, 375] (25 % either side), a bare figure is
 * itself. Two figures can both be true when their intervals meet.
 */
export function hedgeInterval(hedge: Hedge, value: number): [number, number, boolean] {
  switch (hedge) {
    case "lower":
      return [value, Infinity, true];
    case "upper":
      return [-Infinity, value, true];
    case "approx":
      return [value - Math.abs(value) * 0.25, value + Math.abs(value) * 0.25, false];
    case "exact":
      return [value, value, false];
  }
}

/** Whether "h1 v1" and "h2 v2" could both be true ("more than 1,000" and "about 1,200" could). */
export function bothCouldBeTrue(h1: Hedge, v1: number, h2: Hedge, v2: number): boolean {
  const [a1, b1, open1] = hedgeInterval(h1, v1);
  const [a2, b2, open2] = hedgeInterval(h2, v2);
  const lo = Math.max(a1, a2);
  const hi = Math.min(b1, b2);
  if (lo < hi) return true;
  // Touching ends: "more than 500" and "fewer than 500" do not meet; "about 500" and "500" do.
  return lo === hi && !((open1 && (lo === a1 || hi === b1)) || (open2 && (lo === a2 || hi === b2)));
}

/**
 * Whether `value` would make a number-stem about F true.
 *
 * Rule: ruled out if it equals the printed value; if the printed figure is a
 * bound that already implies it ("more than 2,000" implies more than 1,000,
 * so nothing below 2,000 is offered; likewise above an upper bound); if the
 * figure is approximate and `value` is within 25% of it; or if a related fact
 * (same label or conflict group) prints the same value for the same unit.
 */
export function numberMakesStemTrue(ix: CorpusIndex, slot: NumberSlot, value: number): boolean {
  const n = slot.number;
  if (value === n.value) return true;
  const hedge = `${n.qualifier ?? ""} ${n.text}`;
  if (LOWER_BOUND.test(hedge) && value < n.value) return true;
  if (UPPER_BOUND.test(hedge) && value > n.value) return true;
  if (APPROX.test(hedge) && Math.abs(value - n.value) <= Math.abs(n.value) * 0.25) return true;
  const unit = normalizeAnswer(n.unit);
  for (const g of ix.facts) {
    if (!sameEvent(ix, slot.fact, g)) continue;
    if (g.numbers.some((m) => m.value === value && normalizeAnswer(m.unit) === unit)) return true;
  }
  return false;
}
