import { randomUUID } from "node:crypto";
import { forgetCorpusCache } from "../../lib/data/corpus-cache";
import { afterEach, describe, expect, it } from "vitest";
import { pullForwardCardsForFacts } from "../../lib/data/card-states";
import { studentProgress } from "../../lib/data/progress";
import { gradeCard } from "../../lib/data/reviews";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const DAY = 86_400_000;
const T0 = new Date("2026-03-02T12:00:00Z");

describe.each(availableProviders())("progress on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("counts a streak longer than the 30-day chart, and only reviewed cards as studied", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const cards = await t.db.deckCard.findMany({ where: { deckId: "everything" }, orderBy: { position: "asc" }, take: 35, select: { cardId: true } });
    // One new card reviewed on each of 35 consecutive days, ending today.
    for (const [i, c] of cards.entries()) {
      const now = new Date(T0.getTime() - (34 - i) * DAY);
      await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: c.cardId, grade: 3, expectedVersion: 0, durationMs: 1000, now }, t.db);
    }
    // A quiz brings in one card of a fact never studied: due, but not studied yet.
    const graded = cards.map((c) => c.cardId);
    const untouched = await t.db.fact.findFirstOrThrow({ where: { cards: { none: { id: { in: graded } } } }, select: { id: true } });
    expect(await pullForwardCardsForFacts({ userId: u.id, factIds: [untouched.id], now: T0 }, t.db)).toBe(1);

    const p = await studentProgress(u.id, T0, t.db);
    expect(p.days).toHaveLength(30);
    expect(p.days.every((d) => d.count === 1)).toBe(true);
    expect(p.streak).toBe(35);
    expect(p.streakCapped).toBe(false);
    const everything = p.decks.find((d) => d.id === "everything")!;
    expect(everything.studied).toBe(35);
    expect(everything.cards).toBe(await t.db.card.count({ where: { retired: false } }));
    expect(everything.recall).toBeGreaterThan(0);

    // A retired card leaves the deck's totals.
    await t.db.card.update({ where: { id: cards[0]!.cardId }, data: { retired: true } });
    // Only the seed retires cards, and it moves the corpus version the cache is keyed on; an edit by hand drops the cache.
    forgetCorpusCache(t.db);
    const after = await studentProgress(u.id, T0, t.db);
    expect(after.decks.find((d) => d.id === "everything")!.cards).toBe(everything.cards - 1);
    expect(after.decks.find((d) => d.id === "everything")!.studied).toBe(34);
  });
});
