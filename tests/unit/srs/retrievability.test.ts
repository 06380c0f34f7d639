import { fsrs, generatorParameters } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { toFsrsCard } from "@/lib/srs/card-state";
import { forgettingCurve, retrievability } from "@/lib/srs/retrievability";
import { P, makeCards } from "./card-fixtures";

const DAY = 86_400_000;
const cards = makeCards();

describe("retrievability (FSRS-6 forgetting curve)", () => {
  it("a new card has none: null", () => {
    expect(retrievability(cards.New.state, cards.New.at, P)).toBeNull();
  });

  it("is 1 right after a review and 0.9 after S days (the definition of stability)", () => {
    const review = cards.Review.state; // S = 8.2956, last review T0
    const last = review.lastReview as Date;
    expect(retrievability(review, last, P)).toBe(1);
    expect(retrievability(review, new Date(last.getTime() + 8.2956 * DAY), P)).toBeCloseTo(0.9, 8);
  });

  it("exact values: (1 + 0.98046 · t / S)^−0.1542 with S = 8.2956", () => {
    const review = cards.Review.state;
    const last = (review.lastReview as Date).getTime();
    expect(retrievability(review, new Date(last + 8 * DAY), P)).toBe(0.9024733);
    expect(retrievability(review, new Date(last + 38 * DAY), P)).toBe(0.76904054);
    // Before the last review (clock skew): clamped to t = 0.
    expect(retrievability(review, new Date(last - DAY), P)).toBe(1);
  });

  it("agrees with ts-fsrs get_retrievability at whole days and decays within the day", () => {
    const review = cards.Review.state;
    const last = (review.lastReview as Date).getTime();
    const f = fsrs(generatorParameters());
    for (const d of [1, 5, 30, 365]) {
      const now = new Date(last + d * DAY);
      expect(retrievability(review, now, P)).toBe(f.get_retrievability(toFsrsCard(review), now, false));
    }
    const r0 = retrievability(review, new Date(last + 0.5 * DAY), P) as number;
    expect(r0).toBeLessThan(1);
    expect(r0).toBeGreaterThan(0.9024733);
  });
});

describe("forgettingCurve (the constants the class reports evaluate in SQL)", () => {
  it("gives retrievability by round8((1 + factor · t / S)^decay) at any elapsed time", () => {
    const { decay, factor } = forgettingCurve(P);
    expect(decay).toBeLessThan(0);
    expect(factor).toBeGreaterThan(0);
    const review = cards.Review.state;
    const last = review.lastReview as Date;
    for (const days of [0, 0.25, 1, 3.7, 8.2956, 30, 400]) {
      const byFormula = Math.round(Math.pow(1 + (factor * days) / review.stability, decay) * 1e8) / 1e8;
      expect(retrievability(review, new Date(last.getTime() + days * DAY), P)).toBeCloseTo(byFormula, 12);
    }
  });
});
