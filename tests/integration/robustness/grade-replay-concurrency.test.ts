/**
 * The same grade sent 100 times at once (a client retrying into a slow
 * server) is applied once, and every copy answers as the idempotent replay
 * it is — never a 409 — on both providers, for a card seen before (the
 * version guard) and a card seen for the first time (the unique keys).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCard } from "@/lib/data/reviews";
import { availableProviders, type TestDb } from "../helpers/test-db";
import { makeUser, seededDb } from "../helpers/seeded-db";

const N = 100;
const NOW = new Date("2026-03-02T09:00:00Z");
const settle = <T>(ps: Promise<T>[]) => Promise.all(ps.map((p) => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }))));

describe.each(availableProviders())("identical concurrent grades on %s", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await seededDb(provider);
  });
  afterAll(async () => t?.close());

  async function cards(n: number) {
    const rows = await t.db.deckCard.findMany({ where: { deckId: "sept-2023", card: { retired: false } }, orderBy: { position: "asc" }, take: n, select: { cardId: true } });
    return rows.map((r) => r.cardId);
  }

  for (const seen of [false, true]) {
    it(`${N} copies of one grade of a ${seen ? "card seen before" : "new card"}: applied once, all answered as the replay`, async () => {
      const user = await makeUser(t.db);
      const [cardId] = await cards(1 + (seen ? 1 : 0)).then((c) => (seen ? c.slice(1) : c));
      let version = 0;
      if (seen) version = (await gradeCard({ userId: user.id, reviewId: randomUUID(), deckId: "sept-2023", cardId: cardId!, grade: 3, expectedVersion: 0, durationMs: 2000, now: NOW }, t.db)).version;
      const input = { userId: user.id, reviewId: randomUUID(), deckId: "sept-2023", cardId: cardId!, grade: 3 as const, expectedVersion: version, durationMs: 2000, now: new Date(NOW.getTime() + 60_000) };
      const out = await settle(Array.from({ length: N }, () => gradeCard(input, t.db)));
      const failed = out.filter((o) => !o.ok).map((o) => String((o as { error: unknown }).error));
      const applied = out.filter((o) => o.ok && !o.value.replayed).length;
      console.log(`[grade-replay ${provider}] ${seen ? "seen" : "new"} card: ${N - failed.length} of ${N} answered (${applied} applied, ${N - failed.length - applied} replays), ${failed.length} refused`);
      expect(failed).toEqual([]);
      expect(applied).toBe(1);
      expect(await t.db.reviewLog.count({ where: { id: input.reviewId } })).toBe(1);
      const state = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: cardId! } }, select: { version: true } });
      expect(state.version).toBe(version + 1);
      const versions = new Set(out.map((o) => (o.ok ? o.value.version : -1)));
      expect([...versions]).toEqual([version + 1]);
    });
  }
});
