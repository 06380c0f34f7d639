import { describe, expect, it } from "vitest";
import { averageRetrievability } from "@/lib/progress/average-retrievability";
import { cardsByState } from "@/lib/progress/cards-by-state";
import { P, T0, makeCards } from "../srs/card-fixtures";

const DAY = 86_400_000;
const cards = makeCards();

describe("cardsByState", () => {
  it("counts each state; no state counts as new", () => {
    expect(cardsByState([null, cards.New.state, cards.Learning.state, cards.Review.state, cards.Review.state, cards.Relearning.state])).toEqual({
      new: 2,
      learning: 1,
      review: 2,
      relearning: 1,
    });
    expect(cardsByState([])).toEqual({ new: 0, learning: 0, review: 0, relearning: 0 });
  });
});

describe("averageRetrievability", () => {
  it("means over studied cards only: (R(8 d) + R(38 d)) / 2 for S = 8.2956", () => {
    const now = new Date(T0.getTime() + 8 * DAY);
    const older = { ...cards.Review.state, lastReview: new Date(T0.getTime() - 30 * DAY) };
    expect(averageRetrievability([cards.Review.state, older, null, cards.New.state], now, P)).toBeCloseTo((0.9024733 + 0.76904054) / 2, 10);
  });
  it("null when nothing has been studied", () => {
    expect(averageRetrievability([null, cards.New.state], T0, P)).toBeNull();
  });
});
