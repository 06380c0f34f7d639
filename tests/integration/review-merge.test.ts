import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { gradeCard } from "../../lib/data/reviews";
import { offlineDeck } from "../../lib/data/offline-deck";
import { localQueue } from "../../lib/offline/local-review";
import { applyGrade } from "../../lib/srs/apply-grade";
import { newCardState } from "../../lib/srs/card-state";
import { DEFAULT_SRS_PARAMS } from "../../lib/srs/params";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const T0 = new Date("2026-03-02T09:00:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

/** Grades queued on devices (`reviewedAt`) and merged by `gradeCard`, on both providers. */
describe.each(availableProviders())("queued grades on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("two devices graded one card offline: both logs kept, the state is their replay in time order", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const snap = await offlineDeck({ userId: u.id, deckId: "war-2020", now: T0 }, t.db);
    const card = localQueue(snap, T0).card!;
    const base = { userId: u.id, deckId: "war-2020", cardId: card.cardId, durationMs: 1000, expectedVersion: card.version };
    // Device B (later, Easy) syncs first; device A (earlier, Again) syncs after and is merged, not refused.
    await gradeCard({ ...base, reviewId: randomUUID(), grade: 4, reviewedAt: at(5), now: at(30) }, t.db);
    const merged = await gradeCard({ ...base, reviewId: randomUUID(), grade: 1, reviewedAt: at(1), now: at(31) }, t.db);
    const logs = await t.db.reviewLog.findMany({ where: { userId: u.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => l.grade)).toEqual([1, 4]);
    const replay = applyGrade(applyGrade(newCardState(at(1)), 1, at(1), DEFAULT_SRS_PARAMS).next, 4, at(5), DEFAULT_SRS_PARAMS).next;
    const row = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: u.id, cardId: card.cardId } } });
    expect({ due: row.due, state: row.state, reps: row.reps, lapses: row.lapses }).toEqual({ due: replay.due, state: replay.state, reps: replay.reps, lapses: replay.lapses });
    expect(row.version).toBe(2);
    expect(merged.version).toBe(2);

    // A third device (Good, between the two) syncs last: the history starts before the grade
    // applied first (B's), not before the earliest in time (A's log holds the state it merged into).
    await gradeCard({ ...base, reviewId: randomUUID(), grade: 3, reviewedAt: at(3), now: at(32) }, t.db);
    const three = applyGrade(applyGrade(applyGrade(newCardState(at(1)), 1, at(1), DEFAULT_SRS_PARAMS).next, 3, at(3), DEFAULT_SRS_PARAMS).next, 4, at(5), DEFAULT_SRS_PARAMS).next;
    const after = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: u.id, cardId: card.cardId } } });
    expect({ due: after.due, state: after.state, reps: after.reps, lapses: after.lapses, version: after.version }).toEqual({ due: three.due, state: three.state, reps: three.reps, lapses: three.lapses, version: 3 });
    expect(await t.db.reviewLog.count({ where: { userId: u.id } })).toBe(3);
  });

  it("without reviewedAt a stale grade is still refused (the online screen's rule)", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const card = localQueue(await offlineDeck({ userId: u.id, deckId: "war-2020", now: T0 }, t.db), T0).card!;
    const base = { userId: u.id, deckId: "war-2020", cardId: card.cardId, durationMs: 1000, expectedVersion: 0, now: T0 };
    await gradeCard({ ...base, reviewId: randomUUID(), grade: 3 }, t.db);
    await expect(gradeCard({ ...base, reviewId: randomUUID(), grade: 3 }, t.db)).rejects.toMatchObject({ status: 409 });
  });

  it("the device's queue from a snapshot is the server's queue", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const { deckQueue } = await import("../../lib/data/reviews");
    for (let i = 0; i < 5; i++) {
      const now = at(i);
      const server = await deckQueue({ userId: u.id, deckId: "war-2020", now }, t.db);
      const device = localQueue(await offlineDeck({ userId: u.id, deckId: "war-2020", now }, t.db), now);
      expect(device.counts).toEqual(server.counts);
      expect(device.card).toEqual(server.card);
      await gradeCard({ userId: u.id, deckId: "war-2020", cardId: server.card!.cardId, durationMs: 1000, expectedVersion: server.card!.version, reviewId: randomUUID(), grade: i % 2 ? 3 : 1, now }, t.db);
    }
  });
});
