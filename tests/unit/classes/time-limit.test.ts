import { describe, expect, it } from "vitest";
import { effectiveTimeLimit, quizDeadline } from "@/lib/classes/time-limit";
import { multiplierFor, timeMultiplierSchema } from "@/lib/classes/time-multiplier";

describe("effectiveTimeLimit", () => {
  it("is minutes × 60 000 × multiplier, or null when untimed", () => {
    expect(effectiveTimeLimit(20, 1)).toBe(1_200_000); // 20 × 60 000
    expect(effectiveTimeLimit(20, 1.5)).toBe(1_800_000); // 30 min
    expect(effectiveTimeLimit(7, 1.5)).toBe(630_000); // 10.5 min
    expect(effectiveTimeLimit(20, 2)).toBe(2_400_000);
    expect(effectiveTimeLimit(20, "untimed")).toBeNull();
    expect(effectiveTimeLimit(null, 2)).toBeNull();
  });
});

describe("quizDeadline", () => {
  const dueAt = new Date("2025-03-15T06:59:00Z");

  it("does not cut a timed attempt at the due date; it warns that it runs past it", () => {
    // started 06:50Z with 20 min: ends 07:10Z, 11 minutes after the due instant
    expect(quizDeadline(new Date("2025-03-15T06:50:00Z"), 1_200_000, dueAt)).toEqual({
      endsAt: new Date("2025-03-15T07:10:00Z"),
      runsPastDue: true,
    });
  });

  it("ends on time: ending exactly at the due instant is not past it", () => {
    expect(quizDeadline(new Date("2025-03-15T06:39:00Z"), 1_200_000, dueAt)).toEqual({
      endsAt: new Date("2025-03-15T06:59:00Z"),
      runsPastDue: false,
    });
  });

  it("has no end when untimed; it can run past a due date but not past none", () => {
    expect(quizDeadline(new Date("2025-03-15T06:00:00Z"), null, dueAt)).toEqual({ endsAt: null, runsPastDue: true });
    expect(quizDeadline(new Date("2025-03-15T06:00:00Z"), null)).toEqual({ endsAt: null, runsPastDue: false });
  });

  it("combines with the per-student multiplier", () => {
    const multipliers = { s1: 1.5, s2: "untimed" } as const;
    const started = new Date("2025-03-15T06:00:00Z");
    expect(quizDeadline(started, effectiveTimeLimit(20, multiplierFor(multipliers, "s1")), dueAt).endsAt).toEqual(new Date("2025-03-15T06:30:00Z"));
    expect(quizDeadline(started, effectiveTimeLimit(20, multiplierFor(multipliers, "s2")), dueAt).endsAt).toBeNull();
    expect(quizDeadline(started, effectiveTimeLimit(20, multiplierFor(multipliers, "s9")), dueAt).endsAt).toEqual(new Date("2025-03-15T06:20:00Z"));
  });
});

describe("timeMultiplierSchema", () => {
  it("accepts exactly 1, 1.5, 2 and untimed, as values or select strings", () => {
    for (const [input, out] of [[1, 1], ["1", 1], ["1.5", 1.5], [1.5, 1.5], ["2", 2], [" untimed ", "untimed"], ["1.0", 1]] as const) {
      expect(timeMultiplierSchema.parse(input)).toBe(out);
    }
    for (const bad of [3, "3", 1.25, "0", "", null, "UNTIMED", "1.5x"]) {
      expect(timeMultiplierSchema.safeParse(bad).error?.issues[0]?.message, String(bad)).toBe("Choose normal time (1×), 1.5×, 2× or untimed.");
    }
  });
});
