import { describe, expect, it } from "vitest";
import type { DeckSnapshot } from "@/lib/offline/deck-snapshot";
import { gradeLocally, localDoneToday, localQueue, undoLocally } from "@/lib/offline/local-review";
import { replayOrder, sendVerdict, type OutboxItem } from "@/lib/offline/outbox";

// 2026-03-02 09:00 UTC; the study day starts at 04:00 UTC.
const T0 = new Date("2026-03-02T09:00:00Z");
const content = (id: string) => ({ kind: "date", front: `front ${id}`, back: `back ${id}`, quote: "q", link: "/sources/x#1", outlet: "TASS", step: null });

function snapshot(): DeckSnapshot {
  return {
    userId: "u1",
    deckId: "d",
    fetchedAt: T0,
    settings: { desiredRetention: 0.9, newPerDay: 2, maxReviewsPerDay: 200, timeZone: "UTC", dayStartHour: 4 },
    doneToday: { newIntroduced: 0, reviews: 0, gradedCardIds: [] },
    cards: ["a", "b", "c"].map((id, i) => ({ id, position: i, factId: `f${id}`, storyKey: `k${i}`, state: null, content: content(id) })),
    local: [],
  };
}

describe("grading on the device", () => {
  it("introduces new cards up to the day's limit, in story order, then nothing", () => {
    let s = snapshot();
    expect(localQueue(s, T0).counts.new).toBe(2);
    const shown: string[] = [];
    for (let i = 0; i < 3; i++) {
      const card = localQueue(s, new Date(T0.getTime() + i * 1000)).card;
      if (!card) break;
      shown.push(card.cardId);
      s = gradeLocally(s, { reviewId: `r${i}`, cardId: card.cardId, grade: 4, now: new Date(T0.getTime() + i * 1000), durationMs: 1000 }).snapshot;
    }
    expect(shown).toEqual(["a", "b"]);
    expect(localQueue(s, T0).card).toBeNull();
    expect(localDoneToday(s, T0).newIntroduced).toBe(2);
    // The next study day (after 04:00 UTC) brings the third card; today's count starts afresh.
    const tomorrow = new Date("2026-03-03T05:00:00Z");
    expect(localDoneToday(s, tomorrow).newIntroduced).toBe(0);
    expect(localQueue(s, tomorrow).card?.cardId).toBe("c");
  });

  it("undo takes back only the latest grade and brings its card back as it was", () => {
    const s0 = snapshot();
    const { snapshot: s1, expectedVersion } = gradeLocally(s0, { reviewId: "r1", cardId: "a", grade: 3, now: T0, durationMs: 500 });
    expect(expectedVersion).toBe(0);
    expect(s1.cards[0]!.state?.version).toBe(1);
    const s2 = gradeLocally(s1, { reviewId: "r2", cardId: "b", grade: 3, now: T0, durationMs: 500 }).snapshot;
    expect(undoLocally(s2, "r1")).toBeNull();
    const back = undoLocally(s2, "r2")!;
    expect(back.cards[1]!.state).toBeNull();
    expect(back.local.map((g) => g.reviewId)).toEqual(["r1"]);
    expect(localQueue(back, T0, "b").card?.cardId).toBe("b");
  });
});

describe("the outbox", () => {
  const item = (reviewId: string, userId: string, seq: number): OutboxItem => ({ reviewId, userId, deckId: "d", cardId: "a", grade: 3, expectedVersion: 0, durationMs: 0, reviewedAt: T0.toISOString(), seq, versionAfter: 1, dueAfter: T0.toISOString() });

  it("replays one account's grades in the order they were made, never another account's", () => {
    expect(replayOrder([item("x", "u1", 3), item("y", "u2", 1), item("z", "u1", 2)], "u1").map((i) => i.reviewId)).toEqual(["z", "x"]);
  });

  it("keeps a grade for later on a network error, 401, 429 or 5xx; drops it once answered otherwise", () => {
    expect([null, 401, 429, 500, 503].map(sendVerdict)).toEqual(["retry-later", "retry-later", "retry-later", "retry-later", "retry-later"]);
    expect([200, 400, 404, 409].map(sendVerdict)).toEqual(["acknowledged", "refused", "refused", "refused"]);
  });
});
