import { describe, expect, it } from "vitest";
import { answerCredit, clampCredit } from "@/lib/quiz/answer-credit";

describe("answerCredit", () => {
  it("is 1 for a right answer whatever the partial credit says", () => {
    expect(answerCredit({ correct: true })).toBe(1);
    expect(answerCredit({ correct: true, partial: 0.25 })).toBe(1);
  });

  it("is the partial credit of a wrong answer, kept within 0..1, and 0 when there is none", () => {
    expect(answerCredit({ correct: false, partial: 0.5 })).toBe(0.5);
    expect(answerCredit({ correct: false, partial: 1.4 })).toBe(1);
    expect(answerCredit({ correct: false, partial: -0.2 })).toBe(0);
    expect(answerCredit({ correct: false })).toBe(0);
    expect(answerCredit({ correct: false, partial: null })).toBe(0);
  });

  it("clamps a score share", () => {
    expect(clampCredit(7 / 10)).toBe(0.7);
    expect(clampCredit(11 / 10)).toBe(1);
    expect(clampCredit(-1)).toBe(0);
  });
});
