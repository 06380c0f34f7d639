import type { Precision, When } from "@/lib/content/schema";
import { formatWhen, whenSortKey } from "@/lib/content/when";
import { formatNumber, normalizeAnswer } from "@/lib/quiz/answers-text";
import { type CorpusIndex, entityName } from "./corpus-index";
import { rangeDistance, whenRange } from "./date-interval";
import type { EntitySlot, NumberSlot, Slot, WhenSlot } from "./fact-slots";
import { sameFineCategory } from "./fine-category";
import type { Rng } from "./seeded-rng";
import { dateMakesStemTrue, entityMakesStemTrue, numberMakesStemTrue } from "./truth-check";

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
 * country, each verified by `entityMakesStemTrue` to be false. When fewer
 * than two survive, the question is dropped rather than padded with options
 * of another kind.
 */
function entityCandidates(ix: CorpusIndex, slot: EntitySlot): Candidate<string>[] {
  const target = ix.entityById.get(slot.entityId);
  if (!target) return [];
  const trueNames = new Set(slot.trueIds.flatMap((id) => ix.forms.get(id) ?? []).map(normalizeAnswer));
  const out: Candidate<string>[] = [];
  for (const e of ix.corpus.entities) {
    if (!sameFineCategory(target, e) || slot.trueIds.includes(e.id)) continue;
    if ((ix.forms.get(e.id) ?? [e.name]).some((f) => trueNames.has(normalizeAnswer(f)))) continue;
    if (entityMakesStemTrue(ix, slot, e.id)) continue;
    const score = (e.category && e.category === target.category ? 0 : 2) + (e.partOf && e.partOf === target.partOf ? 0 : 1);
    out.push({ value: e.id, display: entityName(ix, e.id), score });
  }
  return out;
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

/**
 * Wrong figures: the same unit's values elsewhere in the corpus, then round
 * multiples of the true value, printed with the same hedge ("more than …"),
 * each verified by `numberMakesStemTrue` to be false.
 */
function numberCandidates(ix: CorpusIndex, slot: NumberSlot): Candidate<number>[] {
  const n = slot.number;
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
 * Answer plus up to `want` verified distractors. Dates and numbers come back
 * in chronological / numeric order (`ordered: true`); names and places come
 * back answer-first for the caller to place (see `spreadCorrectPositions`).
 * Null when fewer than `min` distractors survive the checks — the question is
 * dropped rather than padded with filler.
 */
export function buildOptions(ix: CorpusIndex, slot: Slot, rng: Rng, want = 3, min = 2): Options | null {
  switch (slot.field) {
    case "when": {
      const picked = take(dateCandidates(ix, slot), rng, want);
      if (picked.length < min) return null;
      const all = [{ value: slot.when as DateValue, display: slot.answer }, ...picked];
      all.sort((a, b) => (whenSortKey(a.value) < whenSortKey(b.value) ? -1 : 1));
      return { options: all.map((c) => c.display), ordered: true };
    }
    case "number": {
      const picked = take(numberCandidates(ix, slot), rng, want);
      if (picked.length < min) return null;
      const all = [{ value: slot.number.value, display: slot.answer }, ...picked].sort((a, b) => a.value - b.value);
      return { options: all.map((c) => c.display), ordered: true };
    }
    case "who":
    case "where": {
      const picked = take(entityCandidates(ix, slot), rng, want);
      if (picked.length < min) return null;
      return { options: [slot.answer, ...picked.map((c) => c.display)], ordered: false };
    }
  }
}

/** One verified-false value for a true/false statement, or null. */
export function falseValue(ix: CorpusIndex, slot: Slot, rng: Rng): string | null {
  const opts = buildOptions(ix, slot, rng, 1, 1);
  return opts?.options.find((o) => o !== slot.answer) ?? null;
}

