import { describe, expect, it } from "vitest";
import { analyseItems, discriminationBand, FLAG_MIN_STUDENTS, type StudentItemScores } from "@/lib/reports/item-analysis";
import { formatIndex } from "@/lib/reports/format-index";
import { InvalidReportInput } from "@/lib/reports/invalid-report-input";

/*
 * 10 students × 5 items. Rank by total desc, ties by id asc:
 *   s01 9, s02 8, s03 7, s04 7, s05 6, s06 5, s07 4, s08 3, s09 3, s10 2
 * N = 10 → n = max(1, round(2.7)) = 3: upper = s01 s02 s03 (s03 beats s04 on the tie), lower = s08 s09 s10.
 *
 *          s01 s02 s03 s04 s05 s06 s07 s08 s09 s10 | Σ    F     upper lower D
 *   q1      1   1   1   1   1   1   1   1   1   1  | 10   1.00  3     3     0/3 = 0
 *   q2      1   1   1   0   1   0   1   0   0   0  | 5    0.50  3     0     3/3 = 1
 *   q3      0   1   0   1   1   0   1   1   0   1  | 6    0.60  1     2    −1/3 = −0.33
 *   q4      1   1   0   1   0   1   0  .5   0   –  | 4.5  4.5/9 = 0.50 (N = 9, n = round(2.43) = 2:
 *                                                     upper s01 s02 = 2, lower s08 s09 = 0.5 → D = 1.5/2 = 0.75)
 *   q5      0   0   0   0  .5   0   0   0   0   0  | 0.5  0.05  0     0     0
 *
 * Had the tie gone to s04, q2 would have D = (1+1+0 − 0)/3 = 0.67 and q3 D = (0+1+1 − 2)/3 = 0.
 * Flags: q1 too easy (1 > 0.9) and D 0 < 0.2; q3 D < 0.2; q4 N = 9 < 10 so D is not judged; q5 too hard (0.05 < 0.1) and D 0.
 */
const row = (studentId: string, total: number, q: (number | undefined)[]): StudentItemScores => {
  const scores: Record<string, number> = {};
  q.forEach((v, i) => {
    if (v !== undefined) scores[`q${i + 1}`] = v;
  });
  return { studentId, total, scores };
};
const students: StudentItemScores[] = [
  row("s10", 2, [1, 0, 1, undefined, 0]),
  row("s04", 7, [1, 0, 1, 1, 0]),
  row("s01", 9, [1, 1, 0, 1, 0]),
  row("s07", 4, [1, 1, 1, 0, 0]),
  row("s03", 7, [1, 1, 0, 0, 0]),
  row("s02", 8, [1, 1, 1, 1, 0]),
  row("s09", 3, [1, 0, 0, 0, 0]),
  row("s05", 6, [1, 1, 1, 0, 0.5]),
  row("s08", 3, [1, 0, 1, 0.5, 0]),
  row("s06", 5, [1, 0, 0, 1, 0]),
];

describe("analyseItems (10 students × 5 items, hand-computed)", () => {
  const stats = analyseItems(["q1", "q2", "q3", "q4", "q5"], students);

  it("gives facility, discrimination and group size per item", () => {
    expect(stats.map((s) => [s.itemId, s.answered, formatIndex(s.facility), formatIndex(s.discrimination), s.groupSize])).toEqual([
      ["q1", 10, "1.00", "0.00", 3],
      ["q2", 10, "0.50", "1.00", 3],
      ["q3", 10, "0.60", "-0.33", 3],
      ["q4", 9, "0.50", "0.75", 2],
      ["q5", 10, "0.05", "0.00", 3],
    ]);
    expect(stats[2]?.discrimination).toBe(-1 / 3);
    expect(stats[3]?.facility).toBe(0.5);
  });

  it("flags questions to check", () => {
    expect(stats.map((s) => [s.itemId, s.flags, s.check])).toEqual([
      ["q1", ["too-easy", "weak-discrimination"], true],
      ["q2", [], false],
      ["q3", ["weak-discrimination"], true],
      ["q4", [], false],
      ["q5", ["too-hard", "weak-discrimination"], true],
    ]);
  });

  it("reads discrimination in Moodle's bands", () => {
    expect(stats.map((s) => (s.discrimination === null ? null : discriminationBand(s.discrimination)))).toEqual([
      "very-weak",
      "very-good",
      "negative",
      "very-good",
      "very-weak",
    ]);
    expect([0.5, 0.49, 0.3, 0.29, 0.2, 0.19, 0, -0.01].map(discriminationBand)).toEqual([
      "very-good",
      "adequate",
      "adequate",
      "weak",
      "weak",
      "very-weak",
      "very-weak",
      "negative",
    ]);
  });

  it("does not depend on input order", () => {
    expect(analyseItems(["q1", "q2", "q3", "q4", "q5"], [...students].reverse())).toEqual(stats);
  });
});

describe("analyseItems edge cases", () => {
  it("N = 5: one student per group, D computed but not flagged", () => {
    // totals 5,4,3,2,1 → n = round(1.35) = 1; item right only for the weakest: F = 1/5 = 0.2, D = (0 − 1)/1 = −1
    const five = [5, 4, 3, 2, 1].map((t, i) => ({ studentId: `s${i}`, total: t, scores: { q: i === 4 ? 1 : 0 } }));
    expect(analyseItems(["q"], five)).toEqual([
      { itemId: "q", answered: 5, facility: 0.2, discrimination: -1, groupSize: 1, flags: [], check: false, enoughAnswers: true },
    ]);
  });

  it("N = 1 has no discrimination; N = 0 has no facility; neither is flagged (fewer than FLAG_MIN_STUDENTS)", () => {
    expect(analyseItems(["q", "r"], [{ studentId: "s", total: 1, scores: { q: 1 } }])).toEqual([
      { itemId: "q", answered: 1, facility: 1, discrimination: null, groupSize: 0, flags: [], check: false, enoughAnswers: false },
      { itemId: "r", answered: 0, facility: null, discrimination: null, groupSize: 0, flags: [], check: false, enoughAnswers: false },
    ]);
  });

  it("flags facility from FLAG_MIN_STUDENTS students up, never below", () => {
    const wrong = (n: number) => Array.from({ length: n }, (_, i) => ({ studentId: `s${i}`, total: 0, scores: { q: 0 } }));
    expect(FLAG_MIN_STUDENTS).toBe(5);
    const below = analyseItems(["q"], wrong(FLAG_MIN_STUDENTS - 1))[0]!;
    expect([below.facility, below.flags, below.check, below.enoughAnswers]).toEqual([0, [], false, false]);
    const at = analyseItems(["q"], wrong(FLAG_MIN_STUDENTS))[0]!;
    expect([at.facility, at.flags, at.check, at.enoughAnswers]).toEqual([0, ["too-hard"], true, true]);
  });

  it("rejects scores outside 0..1", () => {
    expect(() => analyseItems(["q"], [{ studentId: "s", total: 1, scores: { q: 1.5 } }])).toThrow(InvalidReportInput);
  });
});

describe("formatIndex", () => {
  it("rounds half away from zero to two decimals, on the decimal value", () => {
    expect([1, 0.5, 2 / 3, -1 / 3, 0.125, -0.125, 0.335, 1.005, -0.001, 0].map(formatIndex)).toEqual([
      "1.00",
      "0.50",
      "0.67",
      "-0.33",
      "0.13",
      "-0.13",
      "0.34",
      "1.01",
      "0.00",
      "0.00",
    ]);
    expect(formatIndex(null)).toBe("—");
  });
});
