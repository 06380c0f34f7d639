import { describe, expect, it } from "vitest";
import { scoreSummary } from "@/lib/reports/score-summary";

describe("scoreSummary", () => {
  it("mean and median over the students with a score", () => {
    expect(scoreSummary([0.5, null, 1, 0.25])).toEqual({ students: 3, mean: 1.75 / 3, median: 0.5 });
    // even n: mean of the two middle scores
    expect(scoreSummary([1, 0, 0.5, 0.75])).toEqual({ students: 4, mean: 2.25 / 4, median: (0.5 + 0.75) / 2 });
  });
  it("nothing finished: no mean, no median", () => {
    expect(scoreSummary([null, null])).toEqual({ students: 0, mean: null, median: null });
  });
});
