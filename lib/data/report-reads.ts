import { getDb, type DbTx } from "../db";
import { Prisma } from "../generated/sqlite/client";

/**
 * The large reads of the class reports, in SQL.
 *
 * A class of 30 with 200 cards and 20 quizzes each is 6,000 card states,
 * 6,000 reviews and 6,000 answers per report. Read through `findMany`, Prisma's row mapping
 * cost about twice what the database did (measured by
 * `npm run bench:report`); these raw reads return the same columns with the
 * same JavaScript types (Date, boolean, number) on both providers — checked
 * by tests/integration/reports — so the report's rules stay unchanged.
 * Identifiers are double-quoted, which SQLite and PostgreSQL both accept, and
 * every value is a bound parameter.
 */
export type StateRow = { userId: string; cardId: string; state: string; stability: number; lastReview: Date | null };
export type ReviewRow = { userId: string; cardId: string; reviewedAt: Date; durationMs: number };
export type AnswerRow = { attemptId: string; userId: string; questionId: string; correct: boolean; answeredAt: Date };

export function cardStatesOf(studentIds: readonly string[], db: DbTx = getDb()): Promise<StateRow[]> {
  if (studentIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<StateRow[]>`
    SELECT "userId", "cardId", "state", "stability", "lastReview"
    FROM "CardState" WHERE "userId" IN (${Prisma.join([...studentIds])})`;
}

/** Every quiz answer by these students (any quiz), with the attempt's student. */
export function quizAnswersOf(studentIds: readonly string[], db: DbTx = getDb()): Promise<AnswerRow[]> {
  if (studentIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<AnswerRow[]>`
    SELECT a."attemptId", t."userId", a."questionId", a."correct", a."answeredAt"
    FROM "QuizAnswer" a JOIN "QuizAttempt" t ON t."id" = a."attemptId"
    WHERE t."userId" IN (${Prisma.join([...studentIds])})`;
}

/** Every review by these students that was not undone. */
export function reviewLogsOf(studentIds: readonly string[], db: DbTx = getDb()): Promise<ReviewRow[]> {
  if (studentIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<ReviewRow[]>`
    SELECT "userId", "cardId", "reviewedAt", "durationMs"
    FROM "ReviewLog" WHERE "undoneAt" IS NULL AND "userId" IN (${Prisma.join([...studentIds])})`;
}
