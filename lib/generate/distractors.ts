import type { Precision, When } from "@/lib/content/schema";
import { formatWhen } from "@/lib/content/when";
import { formatNumber, normalizeAnswer } from "@/lib/quiz/answers-text";
import { type CorpusIndex, entitiesAligned, entityName } from "./corpus-index";
import { rangeDistance, whenRange } from "./date-interval";
import type { EntitySlot, NumberSlot, Slot, WhenSlot } from "./fact-slots";
import { sameFineCategory } from "./fine-category";
import type { Rng } from "./seeded-rng";
import { plausiblePersonOption } from "./person-plausibility";
import { couldHoldRole, entityCountries, stemRole } from "./stem-role";
import { bothCouldBeTrue, dateMakesStemTrue, entityMakesStemTrue, type Hedge, HEDGE_WORDS, hedgeOf, numberMakesStemTrue } from "./truth-check";

type DateValue = Pick<When, "date" | "precision" | "part">;
type Candidate<T> = { value: T; display: string; score: number };

const RANK: Record<Precision, number> = { decade: 0, year: 1, month: 2, day: 3 };

/** A corpus date coarsened to `precision`, or null if it is coarser than that. */
function coarsen(w: When, precision: Precision): DateValue | null {
  if (RANK[w.precision] < RANK[precision]) return null;
  switch (precision) {
    case "day":
      return { date: w.date, precision };
    case "month":
      return { date: w.date.slice(0, 7), precision };
    case "year":
      return { date: w.date.slice(0, 4), precision };
    case "decade":
      return { date: `${w.date.slice(0, 3)}0s`, precision, ...(w.precision === "decade" && w.part ? { part: w.part } : {}) };
  }
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

function shiftDay(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function shiftMonth(date: string, months: number): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/** Nearby dates at the fact's precision that no article states: used when the corpus has too few. */
function syntheticDates(w: When): DateValue[] {
  const p = w.precision;
  switch (p) {
    case "day":
      return [1, -1, 2, -2, 3, -3, 7, -7, 14, -14].map((k) => ({ date: shiftDay(w.date, k), precision: p }))
        .concat([1, -1].map((k) => ({ date: `${shiftMonth(w.date.slice(0, 7), k)}-${w.date.slice(8)}`, precision: p })))
        .filter((v) => shiftDay(v.date, 0) === v.date);
    case "month":
      return [1, -1, 2, -2, 3, -3, 12, -12].map((k) => ({ date: shiftMonth(w.date, k), precision: p }));
    case "year":
      return [1, -1, 2, -2, 3, -3, 5, -5].map((k) => ({ date: String(Number(w.date) + k), precision: p }));
    case "decade": {
      const start = Number(w.date.slice(0, 4));
      const part = w.part ? { part: w.part } : {};
      const others = (["early", "mid", "late"] as const).filter((x) => w.part && x !== w.part).map((x) => ({ date: w.date, precision: p, part: x }));
      return [10, -10, 20, -20].map((k) => ({ date: `${start + k}s`, precision: p, ...part })).concat(others);
    }
  }
}

/**
 * Wrong dates for a when-question: same precision as the answer, drawn first
 * from dates the corpus mentions and then from nearby days/months/years,
 * ranked by closeness to the true date (corpus dates count as twice as
 * close), each verified by `dateMakesStemTrue` to be false.
 */
function dateCandidates(ix: CorpusIndex, slot: WhenSlot): Candidate<DateValue>[] {
  const w = slot.when;
  const target = whenRange(w);
  const out = new Map<string, Candidate<DateValue>>();
  const add = (v: DateValue, weight: number): void => {
    const display = formatWhen(v);
    const key = normalizeAnswer(display);
    if (out.has(key) || key === normalizeAnswer(slot.answer)) return;
    // A year the article does not print cannot tell two dates apart: "September 2022" is not provably wrong for an inferred "September 2023".
    if (w.inferred && (w.precision === "day" || w.precision === "month") && v.precision === w.precision && v.date.slice(4) === w.date.slice(4) && v.date.slice(0, 4) !== w.date.slice(0, 4)) return;
    const range = whenRange(v);
    if (range[0] > ix.latest) return;
    if (dateMakesStemTrue(ix, slot, v)) return;
    out.set(key, { value: v, display, score: rangeDistance(target, range) * weight + 1 });
  };
  for (const g of ix.facts) {
    if (!g.when) continue;
    const v = coarsen(g.when, w.precision);
    if (v && w.part && !v.part) v.part = w.part;
    if (v) add(v, 0.5);
  }
  for (const v of syntheticDates(w)) add(v, 1);
  return [...out.values()];
}

/**
 * Wrong people or places: entities of the answer's fine category (a region
 * for a region, a government for a government, a news outlet only for a news
 * outlet — see `fineCategory`), preferring the answer's exact category and
 * country, that could hold the role the stem names (`stemRole`: "Which
 * Russian minister …" offers Russian ministers only), each verified by
 * `entityMakesStemTrue` to be false. When fewer
 * than two survive, the question is dropped rather than padded with options
 * of another kind.
 */
function entityCandidates(ix: CorpusIndex, slot: EntitySlot): Candidate<string>[] {
  const target = ix.entityById.get(slot.entityId);
  // That another outlet did not report something is "not mentioned", never provably false.
  if (!target || /\bnews\b/i.test(target.category ?? "")) return [];
  const trueNames = new Set(slot.trueIds.flatMap((id) => ix.forms.get(id) ?? []).map(normalizeAnswer));
  const role = stemRole(ix, slot.mcStem);
  // The other side of a call, a letter or a signature is never one of the named party's own people:
  // "With whom did Putin hold the phone call …?" offering his spokesman, "Who, together with Putin and
  // Aliyev, signed …?" offering Lavrov, "Who sent Putin a letter …?" offering his foreign minister.
  const ownStates = new Set(
    slot.field === "who" ? slot.fact.who.filter((w) => w !== slot.entityId).flatMap((w) => [...entityCountries(ix, w)]) : [],
  );
  const out: Candidate<string>[] = [];
  for (const e of ix.corpus.entities) {
    if (!sameFineCategory(target, e) || slot.trueIds.includes(e.id)) continue;
    // A province of Armenia is no fair wrong answer for a disputed region: "predominantly Armenian",
    // "where Azerbaijan launched its operation" may be true of it or absurd. Places keep their own category.
    if (target.type === "place" && !samePlaceCategory(target.category, e.category)) continue;
    // "Which Russian minister …" offers only Russian ministers: any other option is ruled out by the stem.
    if (role && !couldHoldRole(ix, e.id, role)) continue;
    if (ownStates.size && [...entityCountries(ix, e.id)].some((c) => ownStates.has(c))) continue;
    // The answer's ally could have done the same: not provably false.
    if (entitiesAligned(ix, slot.entityId, e.id)) continue;
    if ((ix.forms.get(e.id) ?? [e.name]).some((f) => trueNames.has(normalizeAnswer(f)))) continue;
    if (entityMakesStemTrue(ix, slot, e.id)) continue;
    if (!plausiblePersonOption(ix, slot.fact, slot.entityId, e.id)) continue;
    const score = (e.category && e.category === target.category ? 0 : 2) + (e.partOf && e.partOf === target.partOf ? 0 : 1);
    out.push({ value: e.id, display: entityName(ix, e.id), score });
  }
  return out;
}

/** Cities go with cities (a capital is a city); every other kind of place only with its own category. */
function samePlaceCategory(a: string | undefined, b: string | undefined): boolean {
  const fold = (c: string | undefined): string => ((c ?? "").trim().toLowerCase() === "capital city" ? "city" : (c ?? "").trim().toLowerCase());
  return fold(a) === fold(b);
}

function roundNice(v: number): number {
  if (v === 0) return 0;
  const mag = 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(v))) - 1);
  return Math.round(v / mag) * mag;
}

function numberDisplay(slot: NumberSlot, v: number): string {
  const n = slot.number;
  const printed = formatNumber(n.value);
  if (n.text.includes(printed)) return n.text.replace(printed, formatNumber(v));
  return n.qualifier ? `${n.qualifier} ${formatNumber(v)}` : formatNumber(v);
}

/** Round multiples of a hedged figure, per hedge of the wrong option, that contradict the key. */
const HEDGED_MULTIPLES: Record<Hedge, Partial<Record<Hedge, number[]>>> = {
  // Key "more than L": everything at or below L contradicts it. The wrong options lie in separate bands
  // ("fewer than 200", "about 400", "700"), so none is true together with another.
  lower: { upper: [0.2, 0.25], approx: [0.4, 0.45], exact: [0.7, 0.75, 0.8] },
  // Key "fewer than U": everything at or above U contradicts it ("1,300", "about 2,000", "more than 4,000").
  upper: { lower: [4, 5], approx: [2, 2.2], exact: [1.3, 1.4] },
  // Key "about A": well outside A ± 25 %, either way ("fewer than 500", "1,600", "more than 2,000" for about 1,000).
  approx: { lower: [2, 2.5], upper: [0.5, 0.4], exact: [1.6, 0.6] },
  exact: {},
};

/**
 * Wrong figures for a hedged key ("more than 1,000"): one per other hedge
 * ("fewer than 500", "about 300", "100"), so no two options share a hedge,
 * each one contradicting the key (`bothCouldBeTrue` is false) and none a
 * figure the corpus gives for anything. Asked as "What figure did … give",
 * each wrong option is a figure nobody gave.
 */
function hedgedCandidates(ix: CorpusIndex, slot: NumberSlot, rng: Rng): Candidate<number>[] {
  const n = slot.number;
  const key = hedgeOf(n);
  const given = new Set(ix.facts.flatMap((g) => g.numbers.map((m) => m.value)));
  const out: Candidate<number>[] = [];
  const taken: { h: Hedge; v: number }[] = [];
  for (const [h, ks] of Object.entries(HEDGED_MULTIPLES[key]) as [Hedge, number[]][]) {
    // Nor may two wrong options be true together ("300" inside "fewer than 400"): a student could rule both out
    // without knowing the figure, since only one option is right.
    const values = rng.shuffle(ks.map((k) => roundNice(n.value * k)))
      .filter((v) => v > 0 && !given.has(v) && !bothCouldBeTrue(key, n.value, h, v) && !taken.some((t) => bothCouldBeTrue(t.h, t.v, h, v)));
    const v = values[0];
    if (v === undefined) continue;
    taken.push({ h, v });
    const display = h === "exact" ? formatNumber(v) : `${HEDGE_WORDS[h]} ${formatNumber(v)}`;
    out.push({ value: v, display, score: out.length });
  }
  return out;
}

/**
 * Wrong figures: the same unit's values elsewhere in the corpus, then round
 * multiples of the true value, printed like the key, each verified by
 * `numberMakesStemTrue` to be false. A hedged key gets `hedgedCandidates`.
 */
function numberCandidates(ix: CorpusIndex, slot: NumberSlot, rng: Rng): Candidate<number>[] {
  const n = slot.number;
  if (hedgeOf(n) !== "exact") return hedgedCandidates(ix, slot, rng);
  const unit = normalizeAnswer(n.unit);
  const out = new Map<string, Candidate<number>>();
  const add = (v: number, weight: number): void => {
    if (!Number.isFinite(v) || v <= 0 || (Number.isInteger(n.value) && !Number.isInteger(v))) return;
    const display = numberDisplay(slot, v);
    const key = normalizeAnswer(display);
    if (out.has(key) || key === normalizeAnswer(slot.answer)) return;
    if (numberMakesStemTrue(ix, slot, v)) return;
    out.set(key, { value: v, display, score: Math.abs(Math.log((v + 1) / (n.value + 1))) * weight + 0.01 });
  };
  for (const g of ix.facts) for (const m of g.numbers) if (normalizeAnswer(m.unit) === unit) add(m.value, 0.5);
  for (const k of [2, 5, 10, 1.5, 3, 0.5, 0.2, 0.1, 20]) add(roundNice(n.value * k), 1);
  return [...out.values()];
}

function take<T>(cands: Candidate<T>[], rng: Rng, want: number): Candidate<T>[] {
  // The nearest few, then a seeded choice among them: close but not always the same.
  const pool = rng.shuffle(cands).sort((a, b) => a.score - b.score).slice(0, Math.max(want + 2, Math.ceil(want * 1.5)));
  return rng.shuffle(pool).slice(0, want);
}

export type Options = { options: string[]; ordered: boolean };

/**
 * Answer plus up to `want` verified distractors, in seeded order: the key's
 * position never follows from the values (sorted dates put the latest event
 * last, sorted lower bounds put the key first), so `ordered` is false and a
 * quiz spreads the key over positions (see `spreadCorrectPositions`).
 * Null when fewer than `min` distractors survive the checks — the question
 * is dropped rather than padded with filler.
 */
export function buildOptions(ix: CorpusIndex, slot: Slot, rng: Rng, want = 3, min = 2): Options | null {
  let picked: string[];
  switch (slot.field) {
    case "when":
      picked = take(dateCandidates(ix, slot), rng, want).map((c) => c.display);
      break;
    case "number":
      picked = take(numberCandidates(ix, slot, rng), rng, want).map((c) => c.display);
      break;
    case "who":
    case "where":
      picked = take(entityCandidates(ix, slot), rng, want).map((c) => c.display);
      break;
  }
  if (picked.length < min) return null;
  return { options: rng.shuffle([slot.answer, ...picked]), ordered: false };
}

/** One verified-false value for a true/false statement, or null. */
export function falseValue(ix: CorpusIndex, slot: Slot, rng: Rng): string | null {
  const opts = buildOptions(ix, slot, rng, 1, 1);
  return opts?.options.find((o) => o !== slot.answer) ?? null;
}

