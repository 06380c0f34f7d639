import { describe, expect, it } from "vitest";
import { delayAfterFailures, refusalSeconds, type SignInDelayPolicy } from "@/lib/auth/sign-in-delay";

const policy: SignInDelayPolicy = { freeFailures: 5, baseSeconds: 30, maxSeconds: 3600, forgetAfterSeconds: 86_400 };

describe("sign-in delay", () => {
  it("is free for the first failures, then doubles up to the cap", () => {
    expect([0, 4, 5, 6, 7, 11, 12, 40].map((n) => delayAfterFailures(n, policy))).toEqual([0, 0, 30, 60, 120, 1920, 3600, 3600]);
  });

  it("counts down from the last failure and forgets a pair after a quiet day", () => {
    const t = 1_000_000_000_000;
    expect(refusalSeconds(6, t, t + 10_500, policy)).toBe(50);
    expect(refusalSeconds(6, t, t + 60_000, policy)).toBe(0);
    expect(refusalSeconds(40, t, t + 86_400_000, policy)).toBe(0);
    expect(refusalSeconds(4, t, t, policy)).toBe(0);
  });
});
