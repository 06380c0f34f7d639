import { describe, expect, it } from "vitest";
import { Conflict } from "@/lib/errors";
import { answerCard, CARD_CHANGED } from "@/lib/srs/answer-card";
import { newCardState } from "@/lib/srs/card-state";
import { countDoneToday } from "@/lib/srs/done-today";
import { StaleState } from "@/lib/srs/stale-state";
import { P, T0 } from "./card-fixtures";

const at = (iso: string): Date => new Date(iso);

describe("answerCard", () => {
  it("introduces a card with no state: Good on a new card is due in 10 minutes (step 10m), version 1", () => {
    const r = answerCard({ current: null, expectedVersion: 0, grade: 3, now: T0, params: P });
    expect(r.introduced).toBe(true);
    expect(r.reviewedAt).toEqual(T0);
    expect(r.next).toMatchObject({ due: at("2024-03-01T10:10:00Z"), state: "Learning", reps: 1, version: 1 });
    expect(r.log.previous).toEqual(newCardState(T0));
  });

  it("refuses a grade against a version that moved on, with the sentence the student reads", () => {
    const first = answerCard({ current: null, expectedVersion: 0, grade: 3, now: T0, params: P });
    let e: unknown;
    try {
      answerCard({ current: first.next, expectedVersion: 0, grade: 3, now: at("2024-03-01T10:11:00Z"), params: P });
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(StaleState);
    expect(e).toBeInstanceOf(Conflict);
    expect(e).toMatchObject({ message: CARD_CHANGED, expectedVersion: 0, actualVersion: 1, status: 409 });
  });

  it("takes a clock behind the card's last review as that review's time (clock skew between servers)", () => {
    const first = answerCard({ current: null, expectedVersion: 0, grade: 3, now: T0, params: P });
    const behind = new Date(T0.getTime() - 2_000);
    const r = answerCard({ current: first.next, expectedVersion: 1, grade: 3, now: behind, params: P });
    expect(r.reviewedAt).toEqual(T0);
    expect(r.introduced).toBe(false);
    expect(r.next.version).toBe(2);
    expect(r.next.lastReview).toEqual(T0);
  });
});

describe("countDoneToday", () => {
  it("counts first reviews of New cards and reviews of Review cards, nothing else", () => {
    expect(countDoneToday(["New", "New", "Review", "Learning", "Relearning", "Review", "Review"])).toEqual({ newIntroduced: 2, reviews: 3 });
    expect(countDoneToday([])).toEqual({ newIntroduced: 0, reviews: 0 });
  });
});
