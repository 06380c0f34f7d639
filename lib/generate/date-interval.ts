import type { When } from "@/lib/content/schema";
import { daysInMonth, PART_YEARS } from "@/lib/quiz/answers-date";

/** A closed range of calendar days as `YYYYMMDD` integers. */
export type DayRange = readonly [number, number];

/**
 * The days a `When` may refer to: a day is itself, a month its days, a year
 * (or part of it) its days, a decade (or its early/mid/late part, generously
 * overlapping) its years. Two dates "match at either precision" exactly when
 * their ranges overlap.
 */
const ranges = new WeakMap<object, DayRange>();

export function whenRange(when: Pick<When, "date" | "precision" | "part">): DayRange {
  let r = ranges.get(when);
  if (!r) {
    r = computeRange(when);
    ranges.set(when, r);
  }
  return r;
}

function computeRange(when: Pick<When, "date" | "precision" | "part">): DayRange {
  const y = Number(when.date.slice(0, 4));
  switch (when.precision) {
    case "day": {
      const v = Number(when.date.replace(/-/g, ""));
      return [v, v];
    }
    case "month": {
      const mo = Number(when.date.slice(5, 7));
      return [y * 10000 + mo * 100 + 1, y * 10000 + mo * 100 + daysInMonth(y, mo)];
    }
    case "year":
      return [y * 10000 + 101, y * 10000 + 1231];
    case "decade": {
      const [lo, hi] = when.part ? PART_YEARS[when.part] : [0, 9];
      return [(y + lo) * 10000 + 101, (y + hi) * 10000 + 1231];
    }
  }
}

export function rangesOverlap(a: DayRange, b: DayRange): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** Rough distance in days between the midpoints of two ranges, for "near" distractors. */
export function rangeDistance(a: DayRange, b: DayRange): number {
  const days = (v: number): number => {
    const y = Math.floor(v / 10000);
    const m = Math.floor((v % 10000) / 100);
    const d = v % 100;
    return y * 365.25 + (m - 1) * 30.44 + d;
  };
  return Math.abs((days(a[0]) + days(a[1])) / 2 - (days(b[0]) + days(b[1])) / 2);
}
