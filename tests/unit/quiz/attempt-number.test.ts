import { describe, expect, it } from "vitest";
import { nextAttemptNumber } from "@/lib/quiz/attempt-number";

describe("nextAttemptNumber", () => {
  it("is 1 for a first attempt", () => expect(nextAttemptNumber([])).toBe(1));
  it("follows the highest number", () => expect(nextAttemptNumber([{ attemptNumber: 1 }, { attemptNumber: 2 }])).toBe(3));
  it("counts attempts made before numbering", () => expect(nextAttemptNumber([{ attemptNumber: null }, { attemptNumber: null }])).toBe(3));
  it("never reuses a number left by a gap", () => expect(nextAttemptNumber([{ attemptNumber: 3 }])).toBe(4));
});
