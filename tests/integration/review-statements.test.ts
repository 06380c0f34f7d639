import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { deckQueue, gradeAndQueue } from "../../lib/data/reviews";
import { cachedCorpusSummary } from "../../lib/data/corpus-cache";
import { saveStudySettings } from "../../lib/data/study-settings";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";
import { statementCounter } from "./helpers/statement-counter";

const T0 = new Date("2026-03-02T09:00:00Z");
const later = (min: number) => new Date(T0.getTime() + min * 60_000);

/** Issue #15's budget: a grade, with the next card and the counts, in at most six statements (BEGIN and COMMIT included). */
const GRADE_BUDGET = 6;

describe.each(availableProviders())("statements per grade on %s", (provider) => {
  let t: TestDb;
  let db: Db | undefined;
  afterEach(async () => {
    await db?.$disconnect();
    db = undefined;
    await t?.close();
  });

  it("grades in six statements on the common path, and its next card and counts are what a fresh read gives", async () => {
    t = await seededDb(provider);
    const counter = statementCounter();
    db = createDb(t.target, counter.wrap);
    const u = await makeUser(t.db);
    await saveStudySettings(u.id, { desiredRetention: 0.9, newPerDay: 30, maxReviewsPerDay: 200, timeZone: "Europe/Moscow", dayStartHour: 4, quizFeedback: "immediate" }, t.db);

    const first = await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, db); // loads the corpus cache
    expect(first.counts.new).toBe(30);
    counter.reset();
    const q = await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, db);
    expect(counter.statements).toHaveLength(2);
    expect(q).toEqual(first);

    let card = q.card!;
    let now = T0;
    const grades = [3, 3, 1, 4, 3, 2, 3, 3] as const;
    for (const [i, grade] of grades.entries()) {
      now = later(i * 11);
      counter.reset();
      const reviewId = randomUUID();
      const { outcome, next } = await gradeAndQueue({ userId: u.id, reviewId, deckId: "everything", cardId: card.cardId, grade, expectedVersion: card.version, durationMs: 2000, now }, db);
      const sent = [...counter.statements];
      expect(sent.length, sent.join("\n")).toBeLessThanOrEqual(GRADE_BUDGET);
      expect(sent.filter((s) => /^BEGIN/i.test(s))).toHaveLength(1);
      expect(sent.filter((s) => /^COMMIT/i.test(s))).toHaveLength(1);
      expect(outcome.replayed).toBe(false);
      // What the grade answered is what the queue says when read again from the database.
      expect(next).toEqual(await deckQueue({ userId: u.id, deckId: "everything", now }, t.db));
      // A retry of the same grade is answered from the two reads alone and writes nothing.
      counter.reset();
      const again = await gradeAndQueue({ userId: u.id, reviewId, deckId: "everything", cardId: card.cardId, grade, expectedVersion: card.version, durationMs: 2000, now }, db);
      expect(again.outcome).toMatchObject({ replayed: true, version: outcome.version });
      expect(counter.statements).toHaveLength(2);
      card = next.card!;
    }
    expect(await t.db.reviewLog.count({ where: { userId: u.id } })).toBe(grades.length);
  });

  it("sees a re-seed: the cached corpus is keyed on the corpus version", async () => {
    t = await seededDb(provider);
    db = createDb(t.target);
    const u = await makeUser(t.db);
    const before = await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, db);
    const summaryBefore = await cachedCorpusSummary(db);
    expect(await cachedCorpusSummary(db)).toEqual(summaryBefore);
    // A seed that retires the card on screen writes a new CorpusVersion in the same transaction.
    await t.db.$transaction([
      t.db.card.update({ where: { id: before.card!.cardId }, data: { retired: true } }),
      t.db.corpusVersion.create({ data: { hash: "test-retire", facts: 0, sources: 0, cards: 0 } }),
    ]);
    const after = await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, db);
    expect(after.card!.cardId).not.toBe(before.card!.cardId);
    expect((await cachedCorpusSummary(db)).cards).toBe(summaryBefore.cards - 1);
  });
});
