import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyGrade } from "@/lib/srs/apply-grade";
import { newCardState } from "@/lib/srs/card-state";
import { type Grade, InvalidGrade } from "@/lib/srs/grade";
import { InvalidSrsInput } from "@/lib/srs/invalid-srs-input";
import { srsParams } from "@/lib/srs/params";
import { previewIntervals } from "@/lib/srs/preview-intervals";
import { P, T0, makeCards } from "./card-fixtures";

const at = (iso: string): Date => new Date(iso);

describe("applyGrade on a new card (FSRS-6 default weights, steps 1m 10m)", () => {
  // S0 = w[g−1]; D0 = w4 − e^{(g−1)·w5} + 1 clamped to [1, 10] (w4 = 6.4133, w5 = 0.8334).
  it.each([
    [1, { due: at("2024-03-01T10:01:00Z"), stability: 0.212, difficulty: 6.4133, learningSteps: 0, scheduledDays: 0, state: "Learning" }],
    [2, { due: at("2024-03-01T10:06:00Z"), stability: 1.2931, difficulty: 5.11217071, learningSteps: 0, scheduledDays: 0, state: "Learning" }],
    [3, { due: at("2024-03-01T10:10:00Z"), stability: 2.3065, difficulty: 2.11810397, learningSteps: 1, scheduledDays: 0, state: "Learning" }],
    // Easy skips the steps: interval = S at 90 % retention = round(8.2956) = 8, fuzz range [6, 10] → 8.
    [4, { due: at("2024-03-09T10:00:00Z"), stability: 8.2956, difficulty: 1, learningSteps: 0, scheduledDays: 8, state: "Review" }],
  ] as const)("grade %i", (grade, expected) => {
    const { next, log } = applyGrade(newCardState(T0), grade, T0, P);
    expect(next).toEqual({ ...expected, elapsedDays: 0, reps: 1, lapses: 0, lastReview: T0, version: 1 });
    expect(log).toEqual({
      rating: grade,
      state: "New",
      due: T0,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      review: T0,
      previous: newCardState(T0),
      version: 1,
    });
  });
});

describe("applyGrade on a review card 8 days after its first (Easy) review", () => {
  // Good: S' = 38.905…, round 39, fuzz range [35, 43] (delta 3.925) → 39; Hard ≤ Good, Easy ≥ Good + 1.
  it.each([
    [1, { due: at("2024-03-09T10:10:00Z"), stability: 1.38863246, difficulty: 7.02698957, scheduledDays: 0, lapses: 1, state: "Relearning" }],
    [2, { due: at("2024-04-05T10:00:00Z"), stability: 26.70418346, difficulty: 4.01060897, scheduledDays: 27, lapses: 0, state: "Review" }],
    [3, { due: at("2024-04-17T10:00:00Z"), stability: 38.90515015, difficulty: 1, scheduledDays: 39, lapses: 0, state: "Review" }],
    [4, { due: at("2024-05-14T10:00:00Z"), stability: 65.62422648, difficulty: 1, scheduledDays: 66, lapses: 0, state: "Review" }],
  ] as const)("grade %i", (grade, expected) => {
    const { state, at: now } = makeCards().Review;
    const { next, log } = applyGrade(state, grade, now, P);
    expect(next).toEqual({ ...expected, elapsedDays: 8, learningSteps: 0, reps: 2, lastReview: now, version: 2 });
    expect(log).toMatchObject({ rating: grade, state: "Review", due: T0, stability: 8.2956, difficulty: 1, elapsedDays: 8, lastElapsedDays: 0, scheduledDays: 8, review: now, version: 2 });
  });
});

describe("applyGrade through the steps (exact due dates)", () => {
  it("a new card graded Good, then Good at its 10-minute step, graduates to Review two days later", () => {
    const first = applyGrade(newCardState(T0), 3, T0, P).next;
    expect(first).toMatchObject({ state: "Learning", learningSteps: 1, due: at("2024-03-01T10:10:00Z") });
    const { next } = applyGrade(first, 3, first.due, P);
    // Interval = S at 90 % retention = round(2.3065) = 2 days; no fuzz below 2.5 days.
    expect(next).toEqual({
      due: at("2024-03-03T10:10:00Z"),
      stability: 2.3065,
      difficulty: 2.11121424,
      elapsedDays: 0,
      scheduledDays: 2,
      learningSteps: 0,
      reps: 2,
      lapses: 0,
      state: "Review",
      lastReview: at("2024-03-01T10:10:00Z"),
      version: 2,
    });
  });

  it("a lapsed review card relearns for 10 minutes, then Good schedules it one day out", () => {
    const { state, at: now } = makeCards().Review;
    const lapsed = applyGrade(state, 1, now, P).next;
    expect(lapsed).toMatchObject({ state: "Relearning", lapses: 1, due: at("2024-03-09T10:10:00Z") });
    const { next } = applyGrade(lapsed, 3, lapsed.due, P);
    // Post-lapse stability 1.39 → short-term update 1.43 → round = 1 day.
    expect(next).toEqual({
      due: at("2024-03-10T10:10:00Z"),
      stability: 1.42788168,
      difficulty: 7.01519095,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 3,
      lapses: 1,
      state: "Review",
      lastReview: at("2024-03-09T10:10:00Z"),
      version: 3,
    });
  });
});

describe("applyGrade rules", () => {
  it("is deterministic, fuzz included (ts-fsrs seeds it from now, reps and D·S)", () => {
    const { state, at: now } = makeCards().Review;
    for (const g of [2, 3, 4] as const) expect(applyGrade(state, g, now, P)).toEqual(applyGrade(state, g, now, P));
  });

  it("fuzz moves with the review time but stays within ts-fsrs's range [35, 43] for Good", () => {
    const { state, at: now } = makeCards().Review;
    const days = new Set<number>();
    for (let m = 0; m < 40; m++) days.add(applyGrade(state, 3, new Date(now.getTime() + m * 60_000), P).next.scheduledDays);
    expect(days.size).toBeGreaterThan(3);
    for (const d of days) expect(d).toBeGreaterThanOrEqual(35);
    for (const d of days) expect(d).toBeLessThanOrEqual(43);
  });

  it("without fuzz the interval is round(S) at 90 % retention", () => {
    const { state, at: now } = makeCards().Review;
    const p = { ...P, enableFuzz: false };
    expect(applyGrade(state, 3, now, p).next.scheduledDays).toBe(39);
    expect(applyGrade(state, 4, now, p).next.scheduledDays).toBe(66);
  });

  it("higher desired retention gives shorter intervals", () => {
    const { state, at: now } = makeCards().Review;
    const p = srsParams({ desiredRetention: 0.97 });
    expect(applyGrade(state, 3, now, { ...p, enableFuzz: false }).next.scheduledDays).toBeLessThan(39);
  });

  it("does not mutate its input and shares no Date with it", () => {
    const { state, at: now } = makeCards().Review;
    const copy = structuredClone(state);
    const { next, log } = applyGrade(state, 3, now, P);
    expect(state).toEqual(copy);
    expect(log.previous).toEqual(state);
    expect(log.previous.due).not.toBe(state.due);
    expect(next.lastReview).not.toBe(now);
  });

  it("refuses a bad grade, an invalid now, and a review before the last one", () => {
    const { state, at: now } = makeCards().Review;
    expect(() => applyGrade(state, 0 as Grade, now, P)).toThrow(InvalidGrade);
    expect(() => applyGrade(state, 3, new Date(NaN), P)).toThrow(InvalidSrsInput);
    expect(() => applyGrade(state, 3, new Date(T0.getTime() - 1), P)).toThrow(InvalidSrsInput);
  });

  it("property: version +1, due after now, reps +1, and preview agrees with apply", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom<Grade>(1, 2, 3, 4), fc.integer({ min: 0, max: 60 * 24 * 90 })), { minLength: 1, maxLength: 12 }), (steps) => {
        let s = newCardState(T0);
        let now = T0;
        for (const [g, waitMinutes] of steps) {
          now = new Date(now.getTime() + waitMinutes * 60_000);
          const preview = previewIntervals(s, now, P);
          const { next } = applyGrade(s, g, now, P);
          expect(next.version).toBe(s.version + 1);
          expect(next.reps).toBe(s.reps + 1);
          expect(next.due.getTime()).toBeGreaterThan(now.getTime());
          expect(next.due).toEqual(preview[g].due);
          s = next;
        }
      }),
      { numRuns: 150, seed: 20240301 },
    );
  });
});
