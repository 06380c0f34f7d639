/**
 * lib/data/review-writes writes the grade's rows with raw statements. A row
 * it writes must be the row Prisma's model write would have stored, stored
 * the same way (a date in SQLite is text in one format, a boolean an
 * integer): the raw reads (`studentDayRead`, `studentStates`, the summaries'
 * triggers, the reports) compare and parse what is stored. Checked on both
 * providers against the same values written through the models, column by
 * column as stored; and the guard and the unique violations the grade relies on.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { Prisma } from "../../lib/generated/sqlite/client";
import { insertCardState, insertReviewLog, updateCardStateIfVersion, type ReviewLogRow } from "../../lib/data/review-writes";
import { studentDayRead, studentStates } from "../../lib/data/review-reads";
import { isUniqueViolation } from "../../lib/data/unique-violation";
import type { SrsCardState } from "../../lib/srs/card-state";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const NOW = new Date("2026-03-04T05:06:07.089Z");
const STATE: SrsCardState = {
  due: new Date("2026-03-05T23:59:59.999Z"),
  stability: 3.173_912_345_678_9,
  difficulty: 6.5,
  elapsedDays: 2,
  scheduledDays: 1,
  learningSteps: 1,
  reps: 4,
  lapses: 1,
  state: "Relearning",
  lastReview: new Date("2026-03-04T05:06:07.001Z"),
  version: 5,
};

const COLUMNS = {
  CardState: ["cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "version", "createdAt", "updatedAt"],
  ReviewLog: ["cardId", "grade", "reviewedAt", "durationMs", "versionAfter", "introduced", "logJson", "undoneAt"],
};

/** Every column of the rows of (userId, table) as the database stores it, cast to text (a typed read would parse the dates). */
async function stored(db: Db, table: keyof typeof COLUMNS, userId: string) {
  const list = COLUMNS[table].map((c) => `CAST("${c}" AS TEXT) AS "${c}"`).join(", ");
  return db.$queryRaw<Record<string, string | null>[]>(Prisma.sql`SELECT ${Prisma.raw(list)} FROM ${Prisma.raw(`"${table}"`)} WHERE "userId" = ${userId} ORDER BY "cardId"`);
}

describe.each(availableProviders())("review writes on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("store a card state and a review log exactly as the model writes store the same values", async () => {
    t = await seededDb(provider);
    const db = t.db;
    const [cardA, cardB] = (await db.card.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 2 })).map((c) => c.id);
    const raw = await makeUser(db);
    const model = await makeUser(db);

    for (const [cardId, s] of [
      [cardA!, STATE],
      [cardB!, { ...STATE, state: "New" as const, lastReview: null, version: 1, stability: 0 }],
    ] as const) {
      await insertCardState({ userId: raw.id, cardId }, s, NOW, db);
      await db.cardState.create({ data: { userId: model.id, cardId, ...s, createdAt: NOW, updatedAt: NOW } });
      const log: Omit<ReviewLogRow, "id" | "userId"> = { cardId, grade: 2, reviewedAt: NOW, durationMs: 4321, versionAfter: s.version, introduced: s.version === 1, logJson: JSON.stringify({ at: NOW }) };
      await insertReviewLog({ id: `raw-${cardId}`, userId: raw.id, ...log }, db);
      await db.reviewLog.create({ data: { id: `model-${cardId}`, userId: model.id, ...log } });
    }
    expect(await stored(db, "CardState", raw.id)).toEqual(await stored(db, "CardState", model.id));
    expect(await stored(db, "ReviewLog", raw.id)).toEqual(await stored(db, "ReviewLog", model.id));
    // Read back through the models and through the queue's raw read, the values are the ones written.
    expect((await studentStates(raw.id, db)).get(cardA!)).toEqual(STATE);
    const logs = await db.reviewLog.findMany({ where: { userId: raw.id }, orderBy: { cardId: "asc" } });
    expect(logs.map((l) => [l.reviewedAt.getTime(), l.introduced, l.undoneAt])).toEqual([
      [NOW.getTime(), false, null],
      [NOW.getTime(), true, null],
    ]);

    // The guard: a stale version changes nothing, the current one replaces the state and stamps updatedAt.
    const later = new Date(NOW.getTime() + 60_000);
    const next = { ...STATE, reps: 5, version: 6, due: new Date("2026-03-09T00:00:00.000Z") };
    expect(await updateCardStateIfVersion({ userId: raw.id, cardId: cardA! }, 4, next, later, db)).toBe(false);
    expect((await studentStates(raw.id, db)).get(cardA!)).toEqual(STATE);
    expect(await updateCardStateIfVersion({ userId: raw.id, cardId: cardA! }, 5, next, later, db)).toBe(true);
    expect((await studentStates(raw.id, db)).get(cardA!)).toEqual(next);
    const row = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: raw.id, cardId: cardA! } } });
    expect([row.createdAt.getTime(), row.updatedAt.getTime()]).toEqual([NOW.getTime(), later.getTime()]);
    expect(await updateCardStateIfVersion({ userId: raw.id, cardId: "no-such-card" }, 5, next, later, db)).toBe(false);

    // A second first state, or a review id stored before, is a unique violation (the grade's lost race), and writes nothing.
    const dupState = await insertCardState({ userId: raw.id, cardId: cardA! }, STATE, NOW, db).catch((e: unknown) => e);
    expect(isUniqueViolation(dupState)).toBe(true);
    const dupLog = await insertReviewLog({ id: `raw-${cardA}`, userId: raw.id, cardId: cardB!, grade: 4, reviewedAt: later, durationMs: 1, versionAfter: 1, introduced: true, logJson: "{}" }, db).catch((e: unknown) => e);
    expect(isUniqueViolation(dupLog)).toBe(true);
    expect(await db.reviewLog.count({ where: { userId: raw.id } })).toBe(2);
  });

  it("the day's read takes each log's previous.state out of its JSON, and refuses a log without one", async () => {
    t = await seededDb(provider);
    const db = t.db;
    const [cardA, cardB] = (await db.card.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 2 })).map((c) => c.id);
    const u = await makeUser(db);
    // The log's own top-level state differs from previous.state, as the field the counts need must be the latter.
    const json = (previous: string) => JSON.stringify({ rating: 3, state: "Review", previous: { ...STATE, state: previous }, version: 6 });
    await insertReviewLog({ id: "l1", userId: u.id, cardId: cardA!, grade: 3, reviewedAt: NOW, durationMs: 1, versionAfter: 6, introduced: false, logJson: json("Relearning") }, db);
    await insertReviewLog({ id: "l2", userId: u.id, cardId: cardB!, grade: 3, reviewedAt: new Date(NOW.getTime() + 1), durationMs: 1, versionAfter: 6, introduced: false, logJson: json("Learning") }, db);
    const day = await studentDayRead({ userId: u.id, now: new Date(NOW.getTime() + 60_000) }, db);
    expect(day.recent.map((l) => [l.id, l.previousState])).toEqual([
      ["l1", "Relearning"],
      ["l2", "Learning"],
    ]);
    await insertReviewLog({ id: "l3", userId: u.id, cardId: cardB!, grade: 3, reviewedAt: new Date(NOW.getTime() + 2), durationMs: 1, versionAfter: 7, introduced: false, logJson: JSON.stringify({ previous: { state: "Sleeping" } }) }, db);
    await expect(studentDayRead({ userId: u.id, now: new Date(NOW.getTime() + 60_000) }, db)).rejects.toThrow(/review log l3: no valid previous.state/);
  });
});
