import { describe, expect, it } from "vitest";
import { compareFactRows, factRowComparators, sortFactRows } from "@/lib/reports/fact-columns";
import { factKnowledge, factKnowledgeFromSums, type FactAnswerRow } from "@/lib/reports/fact-knowledge";
import { factsToReteach } from "@/lib/reports/facts-to-reteach";
import { heat } from "@/lib/reports/heat";
import { InvalidReportInput } from "@/lib/reports/invalid-report-input";

const t1 = new Date("2025-03-10T10:00:00Z");
const t2 = new Date("2025-03-12T10:00:00Z");
const ans = (studentId: string, factId: string, answeredAt: Date, correct: boolean): FactAnswerRow => ({ studentId, factId, answeredAt, correct });

/*
 * Class s1–s4, facts f-a … f-d.
 * f-a answers: s1 ✓t1 ✗t2 (latest ✗), s2 ✓t1, s3 ✗t1 ✓t2 (latest ✓); s4 none, recall cards 0.875 & 1 → 0.9375 ≥ 0.9.
 *     quiz share 3 ✓ / 5 = 0.6; recall s1 0.5, s4 0.9375 → mean 0.71875; knows s2 s3 s4 = 3/4 = 0.75; evidence 4.
 * f-b no answers; recall s1 0.875 (< 0.9), s2 0.9375, s3 null (new card) → mean (0.875 + 0.9375)/2 = 0.90625;
 *     knows s2 = 1/4 = 0.25; evidence 2.
 * f-c nothing → knows 0/4 = 0.
 * f-d answers s1 ✓ s2 ✓ s3 ✓, s4 ✓ and ✗ at the same instant (✗ wins), s9 ✗ (not in the class, ignored)
 *     → share 4/5 = 0.8; knows s1 s2 s3 = 0.75.
 */
const rows = factKnowledge({
  factIds: ["f-a", "f-b", "f-c", "f-d"],
  studentIds: ["s1", "s2", "s3", "s4"],
  answers: [
    ans("s1", "f-a", t2, false),
    ans("s1", "f-a", t1, true),
    ans("s2", "f-a", t1, true),
    ans("s3", "f-a", t1, false),
    ans("s3", "f-a", t2, true),
    ans("s1", "f-d", t1, true),
    ans("s2", "f-d", t1, true),
    ans("s3", "f-d", t1, true),
    ans("s4", "f-d", t2, true),
    ans("s4", "f-d", t2, false),
    ans("s9", "f-d", t1, false),
    ans("s1", "f-z", t1, false),
  ],
  recalls: [
    { studentId: "s1", factId: "f-a", retrievability: 0.5 },
    { studentId: "s4", factId: "f-a", retrievability: 0.875 },
    { studentId: "s4", factId: "f-a", retrievability: 1 },
    { studentId: "s1", factId: "f-b", retrievability: 0.875 },
    { studentId: "s2", factId: "f-b", retrievability: 0.9375 },
    { studentId: "s3", factId: "f-b", retrievability: null },
  ],
});

describe("factKnowledge", () => {
  it("combines quiz answers and predicted recall per the documented rule", () => {
    expect(rows).toEqual([
      { factId: "f-a", quizCorrectShare: 0.6, quizAnswers: 5, meanRecall: 0.71875, recallStudents: 2, knowsCount: 3, evidenceCount: 4, knowsShare: 0.75 },
      { factId: "f-b", quizCorrectShare: null, quizAnswers: 0, meanRecall: 0.90625, recallStudents: 2, knowsCount: 1, evidenceCount: 2, knowsShare: 0.25 },
      { factId: "f-c", quizCorrectShare: null, quizAnswers: 0, meanRecall: null, recallStudents: 0, knowsCount: 0, evidenceCount: 0, knowsShare: 0 },
      { factId: "f-d", quizCorrectShare: 0.8, quizAnswers: 5, meanRecall: null, recallStudents: 0, knowsCount: 3, evidenceCount: 4, knowsShare: 0.75 },
    ]);
  });

  it("counts recall of exactly 0.9 as knowing", () => {
    const [r] = factKnowledge({ factIds: ["f"], studentIds: ["s"], answers: [], recalls: [{ studentId: "s", factId: "f", retrievability: 0.9 }] });
    expect(r?.knowsShare).toBe(1);
  });

  it("has no share for an empty class and rejects recall outside 0..1", () => {
    expect(factKnowledge({ factIds: ["f"], studentIds: [], answers: [], recalls: [] })[0]?.knowsShare).toBeNull();
    expect(() =>
      factKnowledge({ factIds: ["f"], studentIds: ["s"], answers: [], recalls: [{ studentId: "s", factId: "f", retrievability: 1.2 }] }),
    ).toThrow(InvalidReportInput);
  });
});

describe("factKnowledgeFromSums (the rows from the sums the database makes)", () => {
  it("gives factKnowledge's rows from per-fact sums, in factIds order, a fact without sums as no evidence", () => {
    const sums = [
      // f-d's sums, then f-a's, as the rule above gives them; f-z is not a fact of the report.
      { factId: "f-d", quizAnswers: 5, quizCorrect: 4, recallStudents: 0, recallTotal: 0, knowsCount: 3, evidenceCount: 4 },
      { factId: "f-a", quizAnswers: 5, quizCorrect: 3, recallStudents: 2, recallTotal: 0.5 + 0.9375, knowsCount: 3, evidenceCount: 4 },
      { factId: "f-b", quizAnswers: 0, quizCorrect: 0, recallStudents: 2, recallTotal: 0.875 + 0.9375, knowsCount: 1, evidenceCount: 2 },
      { factId: "f-z", quizAnswers: 1, quizCorrect: 0, recallStudents: 0, recallTotal: 0, knowsCount: 0, evidenceCount: 1 },
    ];
    expect(factKnowledgeFromSums(["f-a", "f-b", "f-c", "f-d"], 4, sums)).toEqual(rows);
  });

  it("has no share for an empty class and refuses sums that cannot be", () => {
    expect(factKnowledgeFromSums(["f"], 0, [])).toEqual([{ factId: "f", quizCorrectShare: null, quizAnswers: 0, meanRecall: null, recallStudents: 0, knowsCount: 0, evidenceCount: 0, knowsShare: null }]);
    const ok = { factId: "f", quizAnswers: 2, quizCorrect: 1, recallStudents: 1, recallTotal: 0.5, knowsCount: 1, evidenceCount: 1 };
    expect(() => factKnowledgeFromSums(["f"], 3, [{ ...ok, quizCorrect: 3 }])).toThrow(InvalidReportInput);
    expect(() => factKnowledgeFromSums(["f"], 3, [{ ...ok, recallTotal: 1.5 }])).toThrow(InvalidReportInput);
    expect(() => factKnowledgeFromSums(["f"], 3, [{ ...ok, knowsCount: 2 }])).toThrow(InvalidReportInput);
    expect(() => factKnowledgeFromSums(["f"], 0, [ok])).toThrow(InvalidReportInput);
    expect(factKnowledgeFromSums(["f"], 3, [ok])[0]).toMatchObject({ quizCorrectShare: 0.5, meanRecall: 0.5, knowsShare: 1 / 3 });
  });
});

describe("sorting the per-fact table", () => {
  const ids = (xs: { factId: string }[]) => xs.map((r) => r.factId);

  it("sorts each column, nulls last in both directions, ties by fact id", () => {
    expect(ids(sortFactRows(rows, "quizCorrectShare", "asc"))).toEqual(["f-a", "f-d", "f-b", "f-c"]);
    expect(ids(sortFactRows(rows, "quizCorrectShare", "desc"))).toEqual(["f-d", "f-a", "f-b", "f-c"]);
    expect(ids(sortFactRows(rows, "meanRecall", "asc"))).toEqual(["f-a", "f-b", "f-c", "f-d"]);
    expect(ids(sortFactRows(rows, "meanRecall", "desc"))).toEqual(["f-b", "f-a", "f-c", "f-d"]);
    expect(ids(sortFactRows(rows, "knowsShare", "desc"))).toEqual(["f-a", "f-d", "f-b", "f-c"]);
    expect(ids(sortFactRows(rows, "factId", "desc"))).toEqual(["f-d", "f-c", "f-b", "f-a"]);
    expect(ids([...rows].sort(factRowComparators.knowsShare))).toEqual(["f-c", "f-b", "f-a", "f-d"]);
    expect(compareFactRows("knowsShare")(rows[0]!, rows[3]!)).toBeLessThan(0);
  });
});

describe("factsToReteach and heat", () => {
  it("returns the three least-known facts, ties by id", () => {
    expect(factsToReteach(rows, 3).map((r) => [r.factId, r.knowsShare])).toEqual([
      ["f-c", 0],
      ["f-b", 0.25],
      ["f-a", 0.75], // f-a and f-d tie at 0.75; f-a comes first by id
    ]);
    expect(factsToReteach(rows.slice(0, 1), 3).map((r) => r.factId)).toEqual(["f-a"]);
  });

  it("leaves out facts every student knows", () => {
    const known = rows.map((r) => ({ ...r, knowsShare: r.factId === "f-c" ? 0.5 : 1 }));
    expect(factsToReteach(known, 3).map((r) => r.factId)).toEqual(["f-c"]);
    expect(factsToReteach(known.filter((r) => r.factId !== "f-c"), 3)).toEqual([]);
  });

  it("colours shares in five bands: [0,.5) [.5,.7) [.7,.8) [.8,.9) [.9,1]", () => {
    expect([0, 0.49, 0.5, 0.69, 0.7, 0.79, 0.8, 0.89, 0.9, 1].map(heat)).toEqual([
      "heat-0",
      "heat-0",
      "heat-1",
      "heat-1",
      "heat-2",
      "heat-2",
      "heat-3",
      "heat-3",
      "heat-4",
      "heat-4",
    ]);
    expect(rows.map((r) => (r.knowsShare === null ? null : heat(r.knowsShare)))).toEqual(["heat-2", "heat-0", "heat-0", "heat-2"]);
    expect(heat(7 / 10)).toBe("heat-2");
    expect(() => heat(1.01)).toThrow(RangeError);
    expect(() => heat(Number.NaN)).toThrow(RangeError);
  });
});
