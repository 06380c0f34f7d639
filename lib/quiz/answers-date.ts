import type { Precision } from "@/lib/content/schema";

/** A date as a student typed it; only the parts they gave are set. */
export type ParsedDate = {
  year?: number;
  month?: number;
  day?: number;
  /** First year of a decade ("1980s" → 1980), when only a decade was given. */
  decade?: number;
  part?: "early" | "mid" | "late";
};

export type DateParse = { ok: true; date: ParsedDate } | { ok: false; reason: string };

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b/g;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checked(d: ParsedDate): DateParse {
  if (d.month !== undefined && (d.month < 1 || d.month > 12)) return { ok: false, reason: `there is no month ${d.month}` };
  if (d.day !== undefined) {
    const max = d.month === undefined ? 31 : daysInMonth(d.year ?? 2000, d.month);
    if (d.day < 1 || d.day > max) return { ok: false, reason: "that day does not exist in that month" };
  }
  return { ok: true, date: d };
}

/**
 * Reads an ordinary English or ISO date: "9 November 2020", "Nov 9, 2020",
 * "November 9th 2020", "the 9th of November 2020", "Monday, 9 November 2020",
 * "2020-11-09", "September 2020", "Sep 2020", "2020-09", "1994", "late 1980s",
 * "the 1980s", and year-less "November 9" / "September".
 *
 * All-numeric day/month forms ("9/11/2020", "11.09.2020") are refused with a
 * reason rather than guessed: whether the day or the month comes first is
 * exactly what the student and the grader could disagree on.
 */
export function parseDateAnswer(input: string): DateParse {
  let t = input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, "-")
    .trim();
  if (/^\d{1,4}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{1,4}$/.test(t) || /^\d{1,2}\s*\/\s*\d{1,2}$/.test(t)) {
    return {
      ok: false,
      reason: "all-numeric dates like 9/11/2020 are ambiguous (day or month first?); write the month as a word or use YYYY-MM-DD",
    };
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return checked({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) return checked({ year: Number(m[1]), month: Number(m[2]) });

  t = t
    .replace(WEEKDAYS, " ")
    .replace(/\bthe\b|\bof\b|\bin\b|\bon\b/g, " ")
    .replace(/(\d+)(st|nd|rd|th)\b/g, "$1")
    .replace(/[,.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

  m = /^(early|mid|late)?\s*-?\s*(\d{3}0)\s*['’]?s$/.exec(t);
  if (m) {
    const d: ParsedDate = { decade: Number(m[2]) };
    if (m[1]) d.part = m[1] as ParsedDate["part"];
    return { ok: true, date: d };
  }
  m = /^(early|mid|late)?\s*-?\s*(\d{4})$/.exec(t);
  if (m) {
    const d: ParsedDate = { year: Number(m[2]) };
    if (m[1]) d.part = m[1] as ParsedDate["part"];
    return { ok: true, date: d };
  }

  const words = t.split(" ").filter(Boolean);
  const out: ParsedDate = {};
  const nums: number[] = [];
  for (const w of words) {
    const mo = MONTHS[w];
    if (mo !== undefined) {
      if (out.month !== undefined) return { ok: false, reason: "two months in one date" };
      out.month = mo;
    } else if (/^\d{1,4}$/.test(w)) {
      nums.push(Number(w));
    } else {
      return { ok: false, reason: `"${w}" is not part of a date I can read` };
    }
  }
  if (out.month === undefined) return { ok: false, reason: "no month, year or ISO date found" };
  for (const n of nums) {
    if (n >= 100) {
      if (out.year !== undefined) return { ok: false, reason: "two years in one date" };
      out.year = n;
    } else {
      if (out.day !== undefined) return { ok: false, reason: "two days in one date" };
      out.day = n;
    }
  }
  return checked(out);
}

/** The corpus date of a fact (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYY0s`) as parts. */
export function corpusDateParts(date: string, precision: Precision): ParsedDate {
  switch (precision) {
    case "day": {
      const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
      return { year: y, month: mo, day: d };
    }
    case "month": {
      const [y, mo] = date.split("-").map(Number) as [number, number];
      return { year: y, month: mo };
    }
    case "year":
      return { year: Number(date.slice(0, 4)) };
    case "decade":
      return { decade: Number(date.slice(0, 4)) };
  }
}

/** Years of a decade that "early", "mid" and "late" cover (generously overlapping). */
export const PART_YEARS = { early: [0, 3], mid: [3, 7], late: [6, 9] } as const;

/**
 * Whether a typed date names the expected date at the expected precision.
 *
 * Rule: the answer must be at least as precise as the fact (a day fact needs
 * the day; a month fact needs the month) and agree on every part down to that
 * precision; extra detail below the fact's precision is not judged (the source
 * does not pin it down). `yearOptional` is for cloze blanks printed without a
 * year ("September 19"): a year-less answer is then compared on month and day.
 */
export function dateMatches(
  expected: { date: string; precision: Precision; part?: "early" | "mid" | "late"; yearOptional?: boolean },
  given: ParsedDate,
): { correct: boolean; reason?: string } {
  const e = corpusDateParts(expected.date, expected.precision);
  const yearOk = (): boolean => (given.year === undefined ? !!expected.yearOptional : given.year === e.year);
  switch (expected.precision) {
    case "day":
      if (given.day === undefined || given.month === undefined) return { correct: false, reason: "the source gives the day: include it" };
      if (given.year === undefined && !expected.yearOptional) return { correct: false, reason: "include the year" };
      return { correct: yearOk() && given.month === e.month && given.day === e.day };
    case "month":
      if (given.month === undefined) return { correct: false, reason: "the source gives the month: include it" };
      if (given.year === undefined && !expected.yearOptional) return { correct: false, reason: "include the year" };
      return { correct: yearOk() && given.month === e.month };
    case "year":
      if (given.year === undefined) return { correct: false, reason: "give the year" };
      if (expected.part && given.part && given.part !== expected.part) return { correct: false };
      return { correct: given.year === e.year };
    case "decade": {
      const start = e.decade ?? 0;
      const year = given.year;
      const decade = given.decade ?? (year !== undefined ? year - (year % 10) : undefined);
      if (decade === undefined) return { correct: false, reason: "give the decade or a year" };
      if (decade !== start) return { correct: false };
      if (expected.part) {
        if (given.part && given.part !== expected.part) return { correct: false };
        if (year !== undefined) {
          const [lo, hi] = PART_YEARS[expected.part];
          if (year - start < lo || year - start > hi) return { correct: false };
        }
      }
      return { correct: true };
    }
  }
}
