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

/**
 * Per student, their reviews (not undone) of the current cards of one deck,
 * summed up in SQL: what the review assignment report needs of them
 * (lib/reports `reviewProgressReport`) in one row per student, instead of
 * every lifetime review. The inner query groups by (student, card) — the
 * card's first review, its reviews, the time on them with each review capped
 * at `capMs`, the latest review, the smallest duration — and the outer one
 * by student. Dates come back as Date on PostgreSQL and as the stored ISO
 * text on SQLite (an aggregate has no declared type), counts as bigint on
 * PostgreSQL: both are normalised here.
 */
export type ReviewSummaryRow = {
  userId: string;
  /** Distinct deck cards reviewed. */
  cards: number;
  /** The latest of the cards' first reviews. */
  lastFirstAt: Date;
  reviews: number;
  /** Σ min(durationMs, capMs). */
  timeSpentMs: number;
  lastAt: Date;
  /** The smallest durationMs (a negative one is bad data the report refuses). */
  minDurationMs: number;
};

type RawSummary = { userId: string; cards: unknown; lastFirstAt: unknown; reviews: unknown; spent: unknown; lastAt: unknown; minDuration: unknown };

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

export async function reviewSummariesOf(studentIds: readonly string[], deckId: string, capMs: number, db: DbTx = getDb()): Promise<ReviewSummaryRow[]> {
  if (studentIds.length === 0) return [];
  const rows = await db.$queryRaw<RawSummary[]>`
    SELECT "userId", COUNT(*) AS "cards", MAX("firstAt") AS "lastFirstAt", SUM("n") AS "reviews",
           SUM("spent") AS "spent", MAX("lastAt") AS "lastAt", MIN("minDuration") AS "minDuration"
    FROM (
      SELECT r."userId" AS "userId", r."cardId" AS "cardId", MIN(r."reviewedAt") AS "firstAt", MAX(r."reviewedAt") AS "lastAt", COUNT(*) AS "n",
             SUM(CASE WHEN r."durationMs" > ${capMs} THEN ${capMs} ELSE r."durationMs" END) AS "spent", MIN(r."durationMs") AS "minDuration"
      FROM "ReviewLog" r
      JOIN "DeckCard" d ON d."cardId" = r."cardId" AND d."deckId" = ${deckId}
      JOIN "Card" c ON c."id" = d."cardId" AND c."retired" = false
      WHERE r."undoneAt" IS NULL AND r."userId" IN (${Prisma.join([...studentIds])})
      GROUP BY r."userId", r."cardId"
    ) per_card
    GROUP BY "userId"`;
  return rows.map((r) => ({
    userId: r.userId,
    cards: Number(r.cards),
    lastFirstAt: asDate(r.lastFirstAt),
    reviews: Number(r.reviews),
    timeSpentMs: Number(r.spent),
    lastAt: asDate(r.lastAt),
    minDurationMs: Number(r.minDuration),
  }));
}

/**
 * The FSRS memory of these students' current cards of one deck (what mean
 * recall needs), joined in SQL, in (student, card) order — the order of the
 * primary key, so a mean over them is summed the same way on both providers.
 */
export function deckCardStatesOf(studentIds: readonly string[], deckId: string, db: DbTx = getDb()): Promise<StateRow[]> {
  if (studentIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<StateRow[]>`
    SELECT s."userId", s."cardId", s."state", s."stability", s."lastReview"
    FROM "CardState" s
    JOIN "DeckCard" d ON d."cardId" = s."cardId" AND d."deckId" = ${deckId}
    JOIN "Card" c ON c."id" = d."cardId" AND c."retired" = false
    WHERE s."userId" IN (${Prisma.join([...studentIds])})
    ORDER BY s."userId", s."cardId"`;
}
