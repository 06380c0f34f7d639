import { describe, expect, it } from "vitest";
import { applyGrade } from "@/lib/srs/apply-grade";
import { GRADES } from "@/lib/srs/grade";
import { previewIntervals } from "@/lib/srs/preview-intervals";
import { P, makeCards } from "./card-fixtures";

const cards = makeCards();
const labels = (name: keyof typeof cards): string[] => {
  const { state, at } = cards[name];
  const p = previewIntervals(state, at, P);
  return GRADES.map((g) => p[g].label);
};

describe("previewIntervals", () => {
  it("new card: the learning steps 1m, (1m+10m)/2 = 6m (rounded), 10m, and Easy 8d", () => {
    expect(labels("New")).toEqual(["<1m", "<6m", "<10m", "8d"]);
  });
  it("learning card on step 2: Again back to 1m, Hard again (1m+10m)/2 (ts-fsrs uses it at every step), Good and Easy graduate", () => {
    expect(labels("Learning")).toEqual(["<1m", "<6m", "2d", "3d"]);
  });
  it("review card: relearning step 10m, then 27d, 39d = 1.3mo, 66d = 2.2mo", () => {
    expect(labels("Review")).toEqual(["<10m", "27d", "1.3mo", "2.2mo"]);
  });
  it("relearning card: Again 10m, Hard 1.5 × 10m = 15m (still under the 20m learn-ahead: '<'), Good 1d, Easy 2d", () => {
    expect(labels("Relearning")).toEqual(["<10m", "<15m", "1d", "2d"]);
  });
  it("each due equals what applyGrade does", () => {
    for (const { state, at } of Object.values(cards)) {
      const p = previewIntervals(state, at, P);
      for (const g of GRADES) expect(p[g].due).toEqual(applyGrade(state, g, at, P).next.due);
    }
  });
});
