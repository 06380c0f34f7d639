import { describe, expect, it } from "vitest";
import { type QueueCard, buildQueue } from "@/lib/srs/build-queue";
import type { SrsCardState, SrsState } from "@/lib/srs/card-state";
import { srsParams } from "@/lib/srs/params";

const st = (state: SrsState, due: string): SrsCardState => ({
  due: new Date(due),
  stability: state === "New" ? 0 : 5,
  difficulty: state === "New" ? 0 : 5,
  elapsedDays: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: state === "New" ? 0 : 3,
  lapses: 0,
  state,
  lastReview: state === "New" ? null : new Date("2024-04-20T12:00:00Z"),
  version: 1,
});
const card = (id: string, state: SrsCardState | null, position = 0): QueueCard => ({ id, state, position });

// 15:00Z is 08:00 in Los Angeles: study day 2024-05-02, which ends at 2024-05-03 04:00 PDT = 11:00Z.
const now = new Date("2024-05-02T15:00:00Z");
const params = srsParams({ timeZone: "America/Los_Angeles", dayStartHour: 4, newPerDay: 3, maxReviewsPerDay: 3 });

describe("buildQueue", () => {
  const cards: QueueCard[] = [
    card("l3", st("Learning", "2024-05-02T15:10:00Z")),
    card("l2", st("Relearning", "2024-05-02T15:00:00Z")),
    card("l1", st("Learning", "2024-05-02T14:50:00Z")),
    card("r2", st("Review", "2024-05-03T10:59:59Z")),
    card("r3", st("Review", "2024-05-03T11:00:00Z")),
    card("r4", st("Review", "2024-05-02T15:00:00Z")),
    card("r1b", st("Review", "2024-04-30T00:00:00Z")),
    card("r1a", st("Review", "2024-04-30T00:00:00Z")),
    card("f2", st("New", "2024-05-02T16:00:00Z")),
    card("f1", st("New", "2024-05-02T14:00:00Z")),
    card("n-c", null, 3),
    card("n-b", null, 2),
    card("n-d", null, 1),
    card("n-a", null, 1),
  ];

  it("learning due now, reviews due by the end of the local study day, new by position, each within its limit", () => {
    expect(buildQueue({ cards, now, params, doneToday: { newIntroduced: 1, reviews: 0 } })).toEqual({
      learning: ["l1", "l2"],
      // r3 is due exactly when the study day ends: tomorrow's
      review: ["r1a", "r1b", "r4"],
      // f1 was pulled forward (stored New state, due): outside the limit; then 3 − 1 = 2 by position, ties by id
      new: ["f1", "n-a", "n-d"],
      counts: { new: 3, learning: 2, review: 3 },
    });
  });

  it("the review limit counts reviews already done today; limits never go negative", () => {
    const q = buildQueue({ cards, now, params, doneToday: { newIntroduced: 9, reviews: 2 } });
    expect(q.review).toEqual(["r1a"]);
    expect(q.new).toEqual(["f1"]);
    const none = buildQueue({ cards, now, params, doneToday: { newIntroduced: 50, reviews: 50 } });
    expect(none.review).toEqual([]);
    expect(none.new).toEqual(["f1"]);
  });

  it("the study day follows the zone: at 03:00 PDT the day (and its reviews) is still yesterday's", () => {
    const early = new Date("2024-05-02T10:00:00Z"); // 03:00 PDT, study day 2024-05-01, ends 11:00Z
    const q = buildQueue({ cards: [card("a", st("Review", "2024-05-02T10:59:00Z")), card("b", st("Review", "2024-05-02T11:00:00Z"))], now: early, params, doneToday: { newIntroduced: 0, reviews: 0 } });
    expect(q.review).toEqual(["a"]);
  });

  it("learns ahead up to 20 minutes only when nothing else is left", () => {
    const learningOnly: QueueCard[] = [
      card("soon", st("Learning", "2024-05-02T15:05:00Z")),
      card("edge", st("Relearning", "2024-05-02T15:20:00Z")),
      card("later", st("Learning", "2024-05-02T15:21:00Z")),
      card("tomorrow", st("Review", "2024-05-03T12:00:00Z")),
    ];
    const done = { newIntroduced: 3, reviews: 0 };
    expect(buildQueue({ cards: learningOnly, now, params, doneToday: done }).learning).toEqual(["soon", "edge"]);
    const withNew = [...learningOnly, card("n", null, 1)];
    expect(buildQueue({ cards: withNew, now, params, doneToday: { newIntroduced: 0, reviews: 0 } }).learning).toEqual([]);
  });

  it("is deterministic whatever the input order", () => {
    const a = buildQueue({ cards, now, params, doneToday: { newIntroduced: 0, reviews: 0 } });
    const b = buildQueue({ cards: [...cards].reverse(), now, params, doneToday: { newIntroduced: 0, reviews: 0 } });
    expect(b).toEqual(a);
  });
});
