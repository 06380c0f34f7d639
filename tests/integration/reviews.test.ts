import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { deckQueue, gradeCard, undoLastReview } from "../../lib/data/reviews";
import { pullForwardCardsForFacts } from "../../lib/data/card-states";
import { adoptTimeZone, getStudySettings, saveStudySettings } from "../../lib/data/study-settings";
import { Conflict, Invalid, NotFound } from "../../lib/errors";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const T0 = new Date("2026-03-02T09:00:00Z");
const later = (min: number) => new Date(T0.getTime() + min * 60_000);

describe.each(availableProviders())("reviews on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  async function firstCard(userId: string, now = T0) {
    const q = await deckQueue({ userId, deckId: "everything", now }, t.db);
    if (!q.card) throw new Error("empty queue");
    return q;
  }

  it("introduces a new card, writes state and log together, and moves it to learning", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const q = await firstCard(u.id);
    expect(q.counts.new).toBe(20);
    expect(q.card?.version).toBe(0);
    expect(q.card?.previews).toEqual({ 1: "<1m", 2: "<6m", 3: "<10m", 4: expect.stringMatching(/^\d+(\.\d)?(d|mo)$/) });
    const out = await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: q.card!.cardId, grade: 3, expectedVersion: 0, durationMs: 4000, now: T0 }, t.db);
    expect(out).toMatchObject({ replayed: false, version: 1 });
    expect(out.due.toISOString()).toBe(later(10).toISOString()); // second learning step
    const state = await t.db.cardState.findUnique({ where: { userId_cardId: { userId: u.id, cardId: q.card!.cardId } } });
    expect(state).toMatchObject({ state: "Learning", version: 1, reps: 1 });
    expect(await t.db.reviewLog.count({ where: { userId: u.id } })).toBe(1);
    const after = await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, t.db);
    expect(after.counts.new).toBe(19);
  });

  it("applies a replayed review id once and refuses the id for another answer", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const q = await firstCard(u.id);
    const req = { userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: q.card!.cardId, grade: 3 as const, expectedVersion: 0, durationMs: 1000, now: T0 };
    const first = await gradeCard(req, t.db);
    const again = await gradeCard({ ...req, now: later(1) }, t.db);
    expect(again).toMatchObject({ replayed: true, version: first.version });
    expect(again.due.toISOString()).toBe(first.due.toISOString());
    expect(await t.db.reviewLog.count({ where: { userId: u.id } })).toBe(1);
    await expect(gradeCard({ ...req, grade: 1 }, t.db)).rejects.toBeInstanceOf(Conflict);
    expect((await t.db.cardState.findFirstOrThrow({ where: { userId: u.id } })).version).toBe(1);
  });

  it("lets exactly one of two concurrent grades of the same state win; the other is a Conflict", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const q = await firstCard(u.id);
    await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: q.card!.cardId, grade: 3, expectedVersion: 0, durationMs: 0, now: T0 }, t.db);
    // Two devices both showing version 1 grade at once.
    const both = await Promise.allSettled(
      [1, 4].map((grade) =>
        gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: q.card!.cardId, grade: grade as 1 | 4, expectedVersion: 1, durationMs: 0, now: later(11) }, t.db),
      ),
    );
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = both.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect(await t.db.reviewLog.count({ where: { userId: u.id } })).toBe(2);
    expect((await t.db.cardState.findFirstOrThrow({ where: { userId: u.id } })).version).toBe(2);
  });

  it("also resolves two concurrent first grades of a never-studied card to one winner", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const q = await firstCard(u.id);
    const both = await Promise.allSettled(
      [3, 1].map((grade) => gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: q.card!.cardId, grade: grade as 1 | 3, expectedVersion: 0, durationMs: 0, now: T0 }, t.db)),
    );
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.reviewLog.count({ where: { userId: u.id } })).toBe(1);
  });

  it("undo restores the card exactly (or un-introduces it) and only for the latest grade", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const q = await firstCard(u.id);
    const cardId = q.card!.cardId;
    const r1 = randomUUID();
    await gradeCard({ userId: u.id, reviewId: r1, deckId: "everything", cardId, grade: 3, expectedVersion: 0, durationMs: 0, now: T0 }, t.db);
    const before = await t.db.cardState.findFirstOrThrow({ where: { userId: u.id, cardId } });
    const r2 = randomUUID();
    await gradeCard({ userId: u.id, reviewId: r2, deckId: "everything", cardId, grade: 1, expectedVersion: 1, durationMs: 0, now: later(11) }, t.db);
    await expect(undoLastReview({ userId: u.id, reviewId: r1, now: later(12) }, t.db)).rejects.toBeInstanceOf(Conflict);
    await undoLastReview({ userId: u.id, reviewId: r2, now: later(12) }, t.db);
    const restored = await t.db.cardState.findFirstOrThrow({ where: { userId: u.id, cardId } });
    const strip = ({ version: _v, updatedAt: _u, ...rest }: typeof before) => rest;
    expect(strip(restored)).toEqual(strip(before));
    expect(restored.version).toBeGreaterThan(before.version);
    // Undo again reaches the first grade, which had introduced the card: it is new again.
    await undoLastReview({ userId: u.id, reviewId: r1, now: later(13) }, t.db);
    expect(await t.db.cardState.count({ where: { userId: u.id } })).toBe(0);
    expect((await deckQueue({ userId: u.id, deckId: "everything", now: later(13) }, t.db)).counts.new).toBe(20);
    await expect(undoLastReview({ userId: u.id, reviewId: r1, now: later(14) }, t.db)).rejects.toBeInstanceOf(Conflict);
  });

  it("refuses an undo for an unknown deck before undoing anything, and a replay of an undone grade", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const q = await firstCard(u.id);
    const req = { userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: q.card!.cardId, grade: 3 as const, expectedVersion: 0, durationMs: 0, now: T0 };
    await gradeCard(req, t.db);
    await expect(undoLastReview({ userId: u.id, reviewId: req.reviewId, deckId: "no-such-deck", now: later(1) }, t.db)).rejects.toBeInstanceOf(NotFound);
    expect(await t.db.reviewLog.count({ where: { userId: u.id, undoneAt: null } })).toBe(1);
    expect((await t.db.cardState.findFirstOrThrow({ where: { userId: u.id } })).version).toBe(1);
    await undoLastReview({ userId: u.id, reviewId: req.reviewId, deckId: "everything", now: later(1) }, t.db);
    // The grade's request arrives again (a retry from another tab): it was undone, so it is not "replayed" as if it stood.
    const replay = await gradeCard({ ...req, now: later(2) }, t.db).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(Conflict);
    expect((replay as Conflict).message).toMatch(/undone/);
    expect(await t.db.cardState.count({ where: { userId: u.id } })).toBe(0);
    expect(await t.db.reviewLog.count({ where: { userId: u.id, undoneAt: null } })).toBe(0);
  });

  it("refuses unknown cards, cards outside the deck and stale versions without changing anything", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const base = { userId: u.id, deckId: "sept-2023", grade: 3 as const, expectedVersion: 0, durationMs: 0, now: T0 };
    await expect(gradeCard({ ...base, reviewId: randomUUID(), cardId: "no-such-card" }, t.db)).rejects.toBeInstanceOf(NotFound);
    const sept = (await t.db.deckCard.findMany({ where: { deckId: "sept-2023" }, select: { cardId: true } })).map((d) => d.cardId);
    const outside = await t.db.deckCard.findFirstOrThrow({ where: { deckId: "war-2020", cardId: { notIn: sept } }, select: { cardId: true } });
    await expect(gradeCard({ ...base, reviewId: randomUUID(), cardId: outside.cardId }, t.db)).rejects.toBeInstanceOf(Invalid);
    const q = await deckQueue({ userId: u.id, deckId: "sept-2023", now: T0 }, t.db);
    await expect(gradeCard({ ...base, reviewId: randomUUID(), cardId: q.card!.cardId, expectedVersion: 5 }, t.db)).rejects.toBeInstanceOf(Conflict);
    await expect(deckQueue({ userId: u.id, deckId: "nope", now: T0 }, t.db)).rejects.toBeInstanceOf(NotFound);
    expect(await t.db.reviewLog.count({ where: { userId: u.id } })).toBe(0);
    expect(await t.db.cardState.count({ where: { userId: u.id } })).toBe(0);
  });

  it("brings a missed fact into today's queue through one card, outside the new-card limit", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const fact = await t.db.fact.findFirstOrThrow({ where: { id: "putin-pashinyan-call-2023-09-20" }, select: { id: true, cards: { select: { id: true, kind: true } } } });
    expect(fact.cards.length).toBeGreaterThan(1);
    const moved = await pullForwardCardsForFacts({ userId: u.id, factIds: [fact.id], now: T0 }, t.db);
    expect(moved).toBe(1);
    const introduced = await t.db.cardState.findMany({ where: { userId: u.id }, select: { cardId: true } });
    expect(introduced.map((r) => fact.cards.find((c) => c.id === r.cardId)?.kind)).toEqual(["qa"]);
    const q = await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, t.db);
    expect(q.counts.new).toBe(21);
    expect(q.card!.cardId).toBe(introduced[0]!.cardId);
    // Pulling again changes nothing.
    expect(await pullForwardCardsForFacts({ userId: u.id, factIds: [fact.id], now: T0 }, t.db)).toBe(0);
  });

  it("brings back every studied card of a missed fact, due now, with its memory kept", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const fact = await t.db.fact.findFirstOrThrow({ where: { id: "putin-pashinyan-call-2023-09-20" }, select: { cards: { select: { id: true }, orderBy: { id: "asc" } } } });
    const [a, b] = fact.cards;
    for (const card of [a!, b!]) {
      await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: card.id, grade: 4, expectedVersion: 0, durationMs: 1000, now: T0 }, t.db);
    }
    const before = await t.db.cardState.findMany({ where: { userId: u.id }, orderBy: { cardId: "asc" } });
    expect(before.every((r) => r.due > later(60 * 24))).toBe(true); // Easy: days away
    const at = later(60);
    expect(await pullForwardCardsForFacts({ userId: u.id, factIds: ["putin-pashinyan-call-2023-09-20"], now: at }, t.db)).toBe(2);
    const after = await t.db.cardState.findMany({ where: { userId: u.id }, orderBy: { cardId: "asc" } });
    expect(after.map((r) => r.due.toISOString())).toEqual([at.toISOString(), at.toISOString()]);
    expect(after.map((r) => r.stability)).toEqual(before.map((r) => r.stability));
  });

  it("refuses a grade for an unknown deck with NotFound and changes nothing", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const q = await firstCard(u.id);
    const err = await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "no-such-deck", cardId: q.card!.cardId, grade: 3, expectedVersion: 0, durationMs: 1, now: T0 }, t.db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFound);
    expect((err as NotFound).message).toBe("No such deck.");
    expect(await t.db.reviewLog.count({ where: { userId: u.id } })).toBe(0);
  });

  it("records a grade from a server whose clock is a little behind at the card's last review time", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const q = await firstCard(u.id);
    const first = await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: q.card!.cardId, grade: 1, expectedVersion: 0, durationMs: 1, now: later(5) }, t.db);
    const second = await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: q.card!.cardId, grade: 3, expectedVersion: first.version, durationMs: 1, now: later(4) }, t.db);
    expect(second.version).toBe(first.version + 1);
    const logs = await t.db.reviewLog.findMany({ where: { userId: u.id }, orderBy: { versionAfter: "asc" }, select: { reviewedAt: true } });
    expect(logs.map((l) => l.reviewedAt.toISOString())).toEqual([later(5).toISOString(), later(5).toISOString()]);
  });

  it("says new cards held back by the daily limit come at the start of the student's next day", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    await saveStudySettings(u.id, { desiredRetention: 0.9, newPerDay: 1, maxReviewsPerDay: 200, timeZone: "Asia/Yerevan", dayStartHour: 4, quizFeedback: "immediate" }, t.db);
    const q = await firstCard(u.id);
    await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: q.card!.cardId, grade: 4, expectedVersion: 0, durationMs: 1, now: T0 }, t.db);
    const after = await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, t.db);
    expect(after.card).toBeNull();
    // T0 is 13:00 in Yerevan (UTC+4) on 2 March; the next study day starts 3 March 04:00 there.
    expect(after.nextDue?.toISOString()).toBe("2026-03-03T00:00:00.000Z");
  });

  it("adopts the browser's time zone until the student saves their own", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    expect(await adoptTimeZone(u.id, "Asia/Yerevan", t.db)).toBe(true);
    expect((await getStudySettings(u.id, t.db)).timeZone).toBe("Asia/Yerevan");
    expect(await adoptTimeZone(u.id, "Europe/Paris", t.db)).toBe(false);
    await saveStudySettings(u.id, { desiredRetention: 0.85, newPerDay: 10, maxReviewsPerDay: 100, timeZone: "America/New_York", dayStartHour: 5, quizFeedback: "end" }, t.db);
    expect(await adoptTimeZone(u.id, "Europe/Paris", t.db)).toBe(false);
    expect(await getStudySettings(u.id, t.db)).toMatchObject({ timeZone: "America/New_York", desiredRetention: 0.85, saved: true });
  });
});
