import type { Precision } from "@/lib/content/schema";
import { editDistance, typoOf } from "./answer-typos";

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

/** Full month and weekday words a misspelling may stand for ("Septmber", "Wendesday"). */
const DATE_WORDS = [
  "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

const WEEKDAY_WORDS = new Set(DATE_WORDS.slice(11));

/**
 * A misspelt month or weekday as the word it stands for ("septmber" →
 * "september"), or the word unchanged: within `typoAllowance` of one month
 * or weekday and nearer to it than to any other, so short or in-between
 * words are never guessed.
 */
function spellDateWord(w: string): string {
  if (!/^\p{L}+$/u.test(w) || MONTHS[w] !== undefined || DATE_WORDS.includes(w)) return w;
  const best = typoOf(w, DATE_WORDS, []);
  if (best === null) return w;
  const d = editDistance(w, best);
  return DATE_WORDS.some((o) => o !== best && editDistance(w, o) <= d) ? w : best;
}

/**
 * An all-numeric date ("19/09/2023", "19.09.2023", "2023/09/19", "19-09-2023",
 * "19/09"): year first is always year-month-day; otherwise the day and the
 * month are told apart only when one of them is above 12, or when both
 * readings are the same day (05/05/2023). Anything else is refused, since
 * whether the day or the month comes first is exactly what the student and
 * the grader could disagree on. Null when the text is not all-numeric.
 */
function parseNumericDate(t: string): DateParse | null {
  const m = /^(\d{1,4})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{1,4}))?$/.exec(t);
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[3]), m[4] === undefined ? undefined : Number(m[4])];
  const ambiguous: DateParse = {
    ok: false,
    reason: "an all-numeric date like 09/10/2023 is ambiguous (day or month first?); write the month as a word or use YYYY-MM-DD",
  };
  if ((m[1] ?? "").length === 4) {
    // Year first: 2023-09-19, 2023/09/19, 2023.09.19 (and 2023-09 below).
    if (c === undefined) return m[2] === "-" ? null : checked({ year: a, month: b });
    return checked({ year: a, month: b, day: c });
  }
  if (m[2] === "-" && c === undefined) return null;
  if (c !== undefined && (m[4] ?? "").length !== 4) {
    return { ok: false, reason: "write the year in full (2023, not 23)" };
  }
  const year = c;
  const dayFirst = checked({ ...(year !== undefined ? { year } : {}), day: a, month: b });
  const monthFirst = checked({ ...(year !== undefined ? { year } : {}), month: a, day: b });
  if (dayFirst.ok && monthFirst.ok) return a === b ? dayFirst : ambiguous;
  if (dayFirst.ok) return dayFirst;
  if (monthFirst.ok) return monthFirst;
  return { ok: false, reason: "that is not a date: no reading of it has a month from 1 to 12 and a day in that month" };
}

/**
 * Reads an ordinary English or ISO date: "9 November 2020", "Nov 9, 2020",
 * "November 9th 2020", "the 9th of November 2020", "Monday, 9 November 2020",
 * "2020-11-09", "September 2020", "Sep 2020", "2020-09", "1994", "late 1980s",
 * "the 1980s", and year-less "November 9" / "September". Month and weekday
 * names may be misspelt within `typoAllowance` ("Septmber 19 2023").
 *
 * All-numeric dates are read when unambiguous (`parseNumericDate`:
 * "19/09/2023", "19.09.2023", "2023/09/19") and refused with a reason when
 * the day and month could be either way round ("09/10/2023").
 */
export function parseDateAnswer(input: string): DateParse {
  let t = input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, "-")
    .trim();
  const numeric = parseNumericDate(t);
  if (numeric) return numeric;
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

  t = t.replace(DECADE_WORD, (w) => `${DECADE_WORDS[w]}s`);
  m = /^(early|mid|late)?\s*-?\s*['’]?(\d{3}0|\d0)\s*['’]?s$/.exec(t);
  if (m) {
    const d: ParsedDate = { decade: fullDecade(m[2] ?? "") };
    if (m[1]) d.part = m[1] as ParsedDate["part"];
    return { ok: true, date: d };
  }
  m = /^(early|mid|late)?\s*-?\s*(\d{4})$/.exec(t);
  if (m) {
    const d: ParsedDate = { year: Number(m[2]) };
    if (m[1]) d.part = m[1] as ParsedDate["part"];
    return { ok: true, date: d };
  }

  const words = t.split(" ").filter(Boolean).map(spellDateWord).filter((w) => !WEEKDAY_WORDS.has(w));
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

/** Spelled decades ("the late eighties"), read as the twentieth century's. */
const DECADE_WORDS: Record<string, string> = {
  twenties: "1920", thirties: "1930", forties: "1940", fifties: "1950", sixties: "1960", seventies: "1970", eighties: "1980", nineties: "1990",
};
const DECADE_WORD = new RegExp(`\\b(?:${Object.keys(DECADE_WORDS).join("|")})\\b`, "g");

/** "1980" → 1980; a two-digit decade ("80s", "'90s") is the 1900s from 30 up, else the 2000s ("00s", "20s"). */
function fullDecade(digits: string): number {
  const v = Number(digits);
  if (digits.length === 4) return v;
  return v >= 30 ? 1900 + v : 2000 + v;
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
 * precision. Detail below the fact's precision earns no credit: the source
 * does not pin it down, so "3 September 2023" for a "September 2023" fact
 * (or "May 1997" for "1997", "1988" for "the 1980s") asserts a day the
 * corpus does not support and is wrong, like a teacher marking an invented
 * detail (no `reason`: it is an answer, not an unreadable one). `yearOptional` is for cloze blanks printed without a
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
      if (given.day !== undefined) return { correct: false };
      return { correct: yearOk() && given.month === e.month };
    case "year":
      if (given.year === undefined) return { correct: false, reason: "give the year" };
      if (given.month !== undefined || given.day !== undefined) return { correct: false };
      if (expected.part && given.part && given.part !== expected.part) return { correct: false };
      return { correct: given.year === e.year };
    case "decade": {
      const start = e.decade ?? 0;
      const year = given.year;
      const decade = given.decade ?? (year !== undefined ? year - (year % 10) : undefined);
      if (decade === undefined) return { correct: false, reason: "give the decade or a year" };
      if (decade !== start) return { correct: false };
      // "The late 1980s" is answered as the late 1980s: "the 1980s" says less, and a year
      // ("1988") says something the source does not, so neither is the answer.
      if (expected.part) return { correct: given.decade !== undefined && given.part === expected.part };
      return { correct: given.decade !== undefined };
    }
  }
}
