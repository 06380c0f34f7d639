import { describe, expect, it } from "vitest";
import { type QueueCard, buildQueue } from "@/lib/srs/build-queue";
import type { SrsCardState } from "@/lib/srs/card-state";
import { srsParams } from "@/lib/srs/params";

const review = (due: string): SrsCardState => ({
  due: new Date(due),
  stability: 5,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 5,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  state: "Review",
  lastReview: new Date("2024-04-20T12:00:00Z"),
  version: 1,
});

// 08:00 PDT on 2 May 2024: the study day (4 am start) ends 3 May 11:00Z; each later one 24 h after.
const now = new Date("2024-05-02T15:00:00Z");
const params = srsParams({ timeZone: "America/Los_Angeles", dayStartHour: 4, newPerDay: 2, maxReviewsPerDay: 1 });
const none = { newIntroduced: 0, reviews: 0 };
const fresh = (id: string, factId: string, storyKey: string, position = 0): QueueCard => ({ id, state: null, position, factId, storyKey });

describe("buildQueue with study more and assignment extras", () => {
  const newCards = ["a", "b", "c", "d", "e"].map((id, i) => fresh(id, `f-${id}`, `2020-0${i + 1}`));

  it("newCards raises the new-card limit by that many (limit 2 + 2)", () => {
    expect(buildQueue({ cards: newCards, now, params, doneToday: none }).new).toEqual(["a", "b"]);
    expect(buildQueue({ cards: newCards, now, params, doneToday: none, extra: { newCards: 2 } }).new).toEqual(["a", "b", "c", "d"]);
    // Already 3 introduced today: 2 + 2 − 3 = 1 left.
    expect(buildQueue({ cards: newCards, now, params, doneToday: { newIntroduced: 3, reviews: 0 }, extra: { newCards: 2 } }).new).toEqual(["a"]);
  });

  it("reviewAheadDays brings in Review cards due up to the end of that later study day, after today's, with the review limit lifted", () => {
    const cards: QueueCard[] = [
      { id: "today", state: review("2024-05-03T10:00:00Z"), position: 0 },
      { id: "today2", state: review("2024-05-02T09:00:00Z"), position: 1 },
      { id: "tomorrow", state: review("2024-05-03T11:00:00Z"), position: 2 },
      { id: "in2days", state: review("2024-05-05T10:59:59Z"), position: 3 },
      { id: "in3days", state: review("2024-05-05T11:00:00Z"), position: 4 },
    ];
    expect(buildQueue({ cards, now, params, doneToday: none }).review).toEqual(["today2"]);
    const ahead = buildQueue({ cards, now, params, doneToday: none, extra: { reviewAheadDays: 2 } });
    expect(ahead.review).toEqual(["today2", "today", "tomorrow", "in2days"]);
    expect(ahead.counts.review).toBe(4);
  });

  it("unburyUpTo lets siblings in, after the other new cards, until that many are on offer", () => {
    // Two facts with three cards each: burying offers one card per fact.
    const cards = [fresh("x1", "fx", "2020-01", 1), fresh("x2", "fx", "2020-01", 2), fresh("x3", "fx", "2020-01", 3), fresh("y1", "fy", "2020-02", 1), fresh("y2", "fy", "2020-02", 2)];
    const wide = { newCards: 10 };
    expect(buildQueue({ cards, now, params, doneToday: none, extra: wide }).new).toEqual(["x1", "y1"]);
    expect(buildQueue({ cards, now, params, doneToday: none, extra: { ...wide, unburyUpTo: 4 } }).new).toEqual(["x1", "y1", "x2", "x3"]);
    expect(buildQueue({ cards, now, params, doneToday: none, extra: { ...wide, unburyUpTo: 1 } }).new).toEqual(["x1", "y1"]);
    // The limit still applies: 2 + 1 = 3.
    expect(buildQueue({ cards, now, params, doneToday: none, extra: { newCards: 1, unburyUpTo: 5 } }).new).toEqual(["x1", "y1", "x2"]);
  });

  it("no extra is the same queue as before", () => {
    expect(buildQueue({ cards: newCards, now, params, doneToday: none, extra: {} })).toEqual(buildQueue({ cards: newCards, now, params, doneToday: none }));
  });
});
