import { describe, expect, it } from "vitest";
import { dateMatches, parseDateAnswer } from "@/lib/quiz/answers-date";

describe("parseDateAnswer", () => {
  it.each([
    ["9 November 2020", { year: 2020, month: 11, day: 9 }],
    ["Nov 9, 2020", { year: 2020, month: 11, day: 9 }],
    ["2020-11-09", { year: 2020, month: 11, day: 9 }],
    ["November 9th 2020", { year: 2020, month: 11, day: 9 }],
    ["the 9th of November, 2020", { year: 2020, month: 11, day: 9 }],
    ["Monday, 9 Nov. 2020", { year: 2020, month: 11, day: 9 }],
    ["September 2020", { year: 2020, month: 9 }],
    ["Sept 2020", { year: 2020, month: 9 }],
    ["2020-09", { year: 2020, month: 9 }],
    ["1994", { year: 1994 }],
    ["late 1980s", { decade: 1980, part: "late" }],
    ["late 80s", { decade: 1980, part: "late" }],
    ["the late 80's", { decade: 1980, part: "late" }],
    ["the late eighties", { decade: 1980, part: "late" }],
    ["the nineties", { decade: 1990 }],
    ["the 1980s", { decade: 1980 }],
    ["1980's", { decade: 1980 }],
    ["November 9", { month: 11, day: 9 }],
  ])("%s", (text, date) => {
    expect(parseDateAnswer(text)).toEqual({ ok: true, date });
  });

  it("refuses ambiguous all-numeric day/month dates instead of guessing", () => {
    for (const s of ["9/11/2020", "11/9/2020", "09.11.2020", "09/10/2023"]) {
      const r = parseDateAnswer(s);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/ambiguous/);
    }
  });

  it.each([
    ["25/12/2020", { year: 2020, month: 12, day: 25 }],
    ["12/25/2020", { year: 2020, month: 12, day: 25 }],
    ["19.09.2023", { year: 2023, month: 9, day: 19 }],
    ["19-09-2023", { year: 2023, month: 9, day: 19 }],
    ["2023/09/19", { year: 2023, month: 9, day: 19 }],
    ["2023.9.19", { year: 2023, month: 9, day: 19 }],
    ["05/05/2023", { year: 2023, month: 5, day: 5 }],
    ["19/09", { month: 9, day: 19 }],
    ["Septmber 19 2023", { year: 2023, month: 9, day: 19 }],
    ["19 Novmber 2020", { year: 2020, month: 11, day: 9 + 10 }],
    ["Wendesday, 20 September 2023", { year: 2023, month: 9, day: 20 }],
  ])("reads the unambiguous %s", (text, date) => {
    expect(parseDateAnswer(text)).toEqual({ ok: true, date });
  });

  it("does not guess a short or in-between month word, nor a two-digit year", () => {
    expect(parseDateAnswer("19 Jane 2023").ok).toBe(false);
    expect(parseDateAnswer("19 Mat 2023").ok).toBe(false);
    expect(parseDateAnswer("19/09/23").ok).toBe(false);
    expect(parseDateAnswer("31/09/2023").ok).toBe(false);
  });

  it("refuses nonsense and impossible days", () => {
    expect(parseDateAnswer("last Tuesday").ok).toBe(false);
    expect(parseDateAnswer("31 November 2020").ok).toBe(false);
    expect(parseDateAnswer("29 February 2021").ok).toBe(false);
    expect(parseDateAnswer("29 February 2020").ok).toBe(true);
  });
});

describe("dateMatches at the fact's precision", () => {
  const parse = (s: string) => {
    const r = parseDateAnswer(s);
    if (!r.ok) throw new Error(r.reason);
    return r.date;
  };
  it("month fact: month forms match, a day the source does not give is wrong, the year is needed", () => {
    const e = { date: "2020-09", precision: "month" as const };
    expect(dateMatches(e, parse("September 2020")).correct).toBe(true);
    expect(dateMatches(e, parse("Sep 2020")).correct).toBe(true);
    expect(dateMatches(e, parse("2020-09")).correct).toBe(true);
    expect(dateMatches(e, parse("27 September 2020"))).toEqual({ correct: false });
    expect(dateMatches(e, parse("1 September 2020"))).toEqual({ correct: false });
    expect(dateMatches(e, parse("October 2020")).correct).toBe(false);
    expect(dateMatches(e, parse("2020"))).toEqual({ correct: false, reason: "the source gives the month: include it" });
  });
  it("year fact", () => {
    const e = { date: "1994", precision: "year" as const };
    expect(dateMatches(e, parse("1994")).correct).toBe(true);
    expect(dateMatches(e, parse("May 1994"))).toEqual({ correct: false });
    expect(dateMatches(e, parse("9 May 1994"))).toEqual({ correct: false });
    expect(dateMatches(e, parse("1995")).correct).toBe(false);
  });
});
