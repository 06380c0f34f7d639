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
      next: "l1",
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

describe("buildQueue: siblings do not give each other away", () => {
  // Fact a happened first (2020-09-27), then b (2020-11-09), then c (undated, last).
  const sib = (id: string, factId: string, storyKey: string, state: SrsCardState | null, position: number): QueueCard => ({ id, factId, storyKey, state, position });
  const deck: QueueCard[] = [
    sib("c:qa", "c", "9999", null, 0),
    sib("b:qa", "b", "2020-11-09-0", null, 1),
    sib("b:reverse", "b", "2020-11-09-0", null, 2),
    sib("a:qa", "a", "2020-09-27-0", null, 3),
    sib("a:cloze", "a", "2020-09-27-0", null, 4),
    sib("a:reverse", "a", "2020-09-27-0", null, 5),
  ];
  const wide = srsParams({ timeZone: "UTC", newPerDay: 20 });
  const none = { newIntroduced: 0, reviews: 0 };

  it("introduces facts in story order (by date, undated last), one new card per fact per day", () => {
    const q = buildQueue({ cards: deck, now, params: wide, doneToday: none });
    expect(q.new).toEqual(["a:qa", "b:qa", "c:qa"]);
    expect(q.next).toBe("a:qa");
  });

  it("a fact with a card graded today, in learning or due for review gets no new sibling today", () => {
    const learningA = deck.map((c) => (c.id === "a:qa" ? { ...c, state: st("Learning", "2024-05-02T15:10:00Z") } : c));
    expect(buildQueue({ cards: learningA, now, params: wide, doneToday: { newIntroduced: 1, reviews: 0, gradedCardIds: ["a:qa"] } }).new).toEqual(["b:qa", "c:qa"]);
    // Graded today and already in Review (an Easy first answer): still no sibling today.
    const easyA = deck.map((c) => (c.id === "a:qa" ? { ...c, state: st("Review", "2024-05-06T15:00:00Z") } : c));
    expect(buildQueue({ cards: easyA, now, params: wide, doneToday: { newIntroduced: 1, reviews: 0, gradedCardIds: ["a:qa"] } }).new).toEqual(["b:qa", "c:qa"]);
    // A review of b due today holds b's new cards back.
    const dueB = deck.map((c) => (c.id === "b:qa" ? { ...c, state: st("Review", "2024-05-02T12:00:00Z") } : c));
    expect(buildQueue({ cards: dueB, now, params: wide, doneToday: none }).new).toEqual(["a:qa", "c:qa"]);
  });

  it("the next study day introduces the fact's next card", () => {
    const nextDay = new Date("2024-05-03T15:00:00Z");
    const learnedA = deck.map((c) => (c.id === "a:qa" ? { ...c, state: st("Review", "2024-05-06T15:00:00Z") } : c));
    expect(buildQueue({ cards: learnedA, now: nextDay, params: wide, doneToday: none }).new).toEqual(["a:cloze", "b:qa", "c:qa"]);
  });

  it("never shows a card right after a sibling when another card is left", () => {
    // a:qa was just graded Again and is due again; a:cloze is due for review; b is new.
    const cards = [
      sib("a:qa", "a", "2020-09-27-0", st("Learning", "2024-05-02T14:59:00Z"), 3),
      sib("a:cloze", "a", "2020-09-27-0", st("Review", "2024-05-01T00:00:00Z"), 4),
      sib("b:qa", "b", "2020-11-09-0", null, 1),
    ];
    const q = buildQueue({ cards, now, params: wide, doneToday: { newIntroduced: 1, reviews: 0, gradedCardIds: ["b:x", "a:qa"] } });
    expect(q.learning).toEqual(["a:qa"]);
    expect(q.next).toBe("b:qa");
    // Only siblings left: show the first of them rather than nothing.
    const alone = buildQueue({ cards: cards.slice(0, 2), now, params: wide, doneToday: { newIntroduced: 1, reviews: 0, gradedCardIds: ["a:qa"] } });
    expect(alone.next).toBe("a:qa");
  });

  it("simulated first day: no two siblings in a row, every fact once, in story order", () => {
    const cards = deck.map((c) => ({ ...c }));
    const graded: string[] = [];
    for (let i = 0; i < 10; i++) {
      const at = new Date(now.getTime() + i * 5_000);
      const q = buildQueue({ cards, now: at, params: wide, doneToday: { newIntroduced: graded.length, reviews: 0, gradedCardIds: graded } });
      // Once every fact has had its card, only learning ahead is left: the day's new cards are done.
      if (!q.next || q.new.length === 0) break;
      graded.push(q.next);
      const c = cards.find((x) => x.id === q.next);
      if (c) c.state = st("Learning", new Date(at.getTime() + 10 * 60_000).toISOString());
    }
    expect(graded).toEqual(["a:qa", "b:qa", "c:qa"]);
  });
});
