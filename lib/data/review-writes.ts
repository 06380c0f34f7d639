import type { DbTx } from "../db";
import type { SrsCardState } from "../srs/card-state";

/*
 * The grade's writes as raw statements (one for each of: the guarded card
 * state update, a new card state, the review log). Prisma 6's query compiler
 * compiles every model query afresh on every call (no plan cache in 6.19):
 * 0.3–0.8 ms of CPU per write here; a raw statement's plan is trivial (about
 * 0.15 ms in all), on the path every grade takes. `createdAt` / `updatedAt`
 * are the write's `now`, passed in like every other time. Both providers:
 * quoted identifiers, parameters only, and dates and booleans bound as Prisma
 * binds them for its own writes (the
 * driver adapter maps the values of raw and model statements alike), so rows
 * written here read back exactly as rows written through the models
 * (tests/integration/review-writes).
 */

/**
 * Replaces the card state of (user, card) by `next` only while its version is
 * still `expectedVersion` (the optimistic guard of a grade or an undo).
 * Returns whether the row was updated (false: another write moved it on).
 */
export async function updateCardStateIfVersion(key: { userId: string; cardId: string }, expectedVersion: number, next: SrsCardState, now: Date, db: DbTx): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "CardState" SET "due" = ${next.due}, "stability" = ${next.stability}, "difficulty" = ${next.difficulty}, "elapsedDays" = ${next.elapsedDays},
      "scheduledDays" = ${next.scheduledDays}, "learningSteps" = ${next.learningSteps}, "reps" = ${next.reps}, "lapses" = ${next.lapses}, "state" = ${next.state},
      "lastReview" = ${next.lastReview}, "version" = ${next.version}, "updatedAt" = ${now}
    WHERE "userId" = ${key.userId} AND "cardId" = ${key.cardId} AND "version" = ${expectedVersion}`;
  return count === 1;
}

/** The first card state of (user, card); a unique violation when one exists already (a concurrent first grade). */
export async function insertCardState(key: { userId: string; cardId: string }, s: SrsCardState, now: Date, db: DbTx): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "CardState" ("userId", "cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "version", "createdAt", "updatedAt")
    VALUES (${key.userId}, ${key.cardId}, ${s.due}, ${s.stability}, ${s.difficulty}, ${s.elapsedDays}, ${s.scheduledDays}, ${s.learningSteps}, ${s.reps}, ${s.lapses}, ${s.state}, ${s.lastReview}, ${s.version}, ${now}, ${now})`;
}

export type ReviewLogRow = {
  id: string;
  userId: string;
  cardId: string;
  grade: number;
  reviewedAt: Date;
  durationMs: number;
  versionAfter: number;
  introduced: boolean;
  logJson: string;
};

/** A review log (never undone yet); a unique violation when its id was stored before (a replay that lost the race). */
export async function insertReviewLog(row: ReviewLogRow, db: DbTx): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "ReviewLog" ("id", "userId", "cardId", "grade", "reviewedAt", "durationMs", "versionAfter", "introduced", "logJson", "undoneAt")
    VALUES (${row.id}, ${row.userId}, ${row.cardId}, ${row.grade}, ${row.reviewedAt}, ${row.durationMs}, ${row.versionAfter}, ${row.introduced}, ${row.logJson}, NULL)`;
}
