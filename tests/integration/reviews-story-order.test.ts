import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { deckQueue, gradeCard } from "../../lib/data/reviews";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const T0 = new Date("2026-03-02T09:00:00Z");

/**
 * A new student studying "The 2020 war": the first 20 cards shown, each
 * graded Good a few seconds after the last (so no learning card is due
 * again yet). Siblings (cards of one fact) must not follow each other, the
 * facts must be many, and they must come in the order they happened.
 */
describe.each(availableProviders())("story order and siblings on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("a new student's first 20 cards of the 2020 war: no sibling after a sibling, ≥ 15 facts, chronological", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const shown: string[] = [];
    for (let i = 0; i < 20; i++) {
      const now = new Date(T0.getTime() + i * 5_000);
      const q = await deckQueue({ userId: u.id, deckId: "war-2020", now }, t.db);
      if (!q.card) break;
      shown.push(q.card.cardId);
      await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "war-2020", cardId: q.card.cardId, grade: 3, expectedVersion: q.card.version, durationMs: 3000, now }, t.db);
    }
    expect(shown).toHaveLength(20);
    const rows = await t.db.card.findMany({ where: { id: { in: shown } }, select: { id: true, factId: true, fact: { select: { sortKey: true } } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const facts = shown.map((id) => byId.get(id)?.factId ?? "");
    const keys = shown.map((id) => byId.get(id)?.fact.sortKey ?? "");
    for (let i = 1; i < facts.length; i++) expect(facts[i], `cards ${i - 1} and ${i}: ${shown[i - 1]} then ${shown[i]}`).not.toBe(facts[i - 1]);
    const deckFacts = await t.db.card.findMany({ where: { retired: false, decks: { some: { deckId: "war-2020" } } }, distinct: ["factId"], select: { factId: true } });
    expect(deckFacts.length).toBeGreaterThanOrEqual(15);
    // One new card per fact per day: 20 cards, 20 facts (the deck has more).
    expect(new Set(facts).size).toBe(Math.min(20, deckFacts.length));
    expect(keys).toEqual([...keys].sort());
  });

  it("the next study day brings a fact's second card, not before", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const first = await deckQueue({ userId: u.id, deckId: "war-2020", now: T0 }, t.db);
    const card = first.card!;
    // Easy: straight to Review, due in days; its siblings still wait for tomorrow.
    await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "war-2020", cardId: card.cardId, grade: 4, expectedVersion: card.version, durationMs: 2000, now: T0 }, t.db);
    const { factId } = await t.db.card.findUniqueOrThrow({ where: { id: card.cardId }, select: { factId: true } });
    const siblings = (await t.db.card.findMany({ where: { factId, id: { not: card.cardId } }, select: { id: true } })).map((c) => c.id);
    expect(siblings.length).toBeGreaterThan(0);
    const today: string[] = [];
    for (let i = 1; i <= 25; i++) {
      const now = new Date(T0.getTime() + i * 5_000);
      const q = await deckQueue({ userId: u.id, deckId: "war-2020", now }, t.db);
      if (!q.card || q.counts.new === 0) break;
      today.push(q.card.cardId);
      await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "war-2020", cardId: q.card.cardId, grade: 4, expectedVersion: q.card.version, durationMs: 2000, now }, t.db);
    }
    expect(today.filter((id) => siblings.includes(id))).toEqual([]);
    const tomorrow = await deckQueue({ userId: u.id, deckId: "war-2020", now: new Date(T0.getTime() + 24 * 3600_000) }, t.db);
    expect(tomorrow.card && siblings.includes(tomorrow.card.cardId)).toBe(true);
  });
});
