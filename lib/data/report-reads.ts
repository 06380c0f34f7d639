import { getDb, type DbTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { sqlDialect } from "./sql-dialect";
import { forgettingCurve } from "../srs/retrievability";
import { DEFAULT_SRS_PARAMS } from "../srs/params";
import { KNOWS_RECALL_MIN, type FactKnowledgeSums } from "../reports/fact-knowledge";
import { toDate, toDateOrNull } from "./review-reads";

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

/** One attempt at an assignment's quiz, with the time of its last answer while it is not finished (null before any, and once finished: it ends at `finishedAt`). */
export type AssignmentAttemptRow = {
  id: string;
  userId: string;
  startedAt: Date;
  finishedAt: Date | null;
  score: number | null;
  maxScore: number;
  questionCount: number;
  lastAnswerAt: Date | null;
};

/**
 * The attempts of these students at one assignment's quiz, oldest first (ties
 * by id), each unfinished one with its last answer's time (lib/reports
 * `assignmentReport` ends an attempt at `finishedAt`, else at its last
 * answer): one statement (the answers' primary key starts with the attempt)
 * instead of the attempts and a `groupBy` of every answer.
 */
export async function assignmentAttemptsOf(assignmentId: string, studentIds: readonly string[], db: DbTx = getDb()): Promise<AssignmentAttemptRow[]> {
  if (studentIds.length === 0) return [];
  const rows = await db.$queryRaw<Record<keyof AssignmentAttemptRow, unknown>[]>`
    SELECT t."id", t."userId", t."startedAt", t."finishedAt", t."score", t."maxScore", t."questionCount",
           CASE WHEN t."finishedAt" IS NULL THEN (SELECT MAX(a."answeredAt") FROM "QuizAnswer" a WHERE a."attemptId" = t."id") END AS "lastAnswerAt"
    FROM "QuizAttempt" t
    WHERE t."assignmentId" = ${assignmentId} AND t."userId" IN (${Prisma.join([...studentIds])})
    ORDER BY t."startedAt" ASC, t."id" ASC`;
  return rows.map((r) => ({
    id: String(r.id),
    userId: String(r.userId),
    startedAt: toDate(r.startedAt),
    finishedAt: toDateOrNull(r.finishedAt),
    score: r.score === null ? null : Number(r.score),
    maxScore: Number(r.maxScore),
    questionCount: Number(r.questionCount),
    lastAnswerAt: toDateOrNull(r.lastAnswerAt),
  }));
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
 * every lifetime review. It reads `ReviewCardSummary`, which triggers keep
 * per (student, card) — the card's first review, its reviews, the time on
 * them with each review capped at lib/reports `MAX_REVIEW_MS`, the latest
 * review, the smallest duration (see prisma/models.prisma) — and sums it up
 * by student over the deck's current cards. Dates come back as Date on PostgreSQL and as the stored ISO
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
  /** Σ min(durationMs, MAX_REVIEW_MS). */
  timeSpentMs: number;
  lastAt: Date;
  /** The smallest durationMs (a negative one is bad data the report refuses). */
  minDurationMs: number;
};

type RawSummary = { userId: string; cards: unknown; lastFirstAt: unknown; reviews: unknown; spent: unknown; lastAt: unknown; minDuration: unknown };

export async function reviewSummariesOf(studentIds: readonly string[], deckId: string, db: DbTx = getDb()): Promise<ReviewSummaryRow[]> {
  if (studentIds.length === 0) return [];
  const rows = await db.$queryRaw<RawSummary[]>`
    SELECT s."userId" AS "userId", COUNT(*) AS "cards", MAX(s."firstAt") AS "lastFirstAt", SUM(s."reviews") AS "reviews",
           SUM(s."spentMs") AS "spent", MAX(s."lastAt") AS "lastAt", MIN(s."minDurationMs") AS "minDuration"
    FROM "ReviewCardSummary" s
    JOIN "DeckCard" d ON d."cardId" = s."cardId" AND d."deckId" = ${deckId}
    JOIN "Card" c ON c."id" = d."cardId" AND c."retired" = false
    WHERE s."userId" IN (${Prisma.join([...studentIds])})
    GROUP BY s."userId"`;
  return rows.map((r) => ({
    userId: r.userId,
    cards: Number(r.cards),
    lastFirstAt: toDate(r.lastFirstAt),
    reviews: Number(r.reviews),
    timeSpentMs: Number(r.spent),
    lastAt: toDate(r.lastAt),
    minDurationMs: Number(r.minDuration),
  }));
}

const DAY_MS = 86_400_000;
/** SQLite's julianday('1970-01-01'): `now` as a Julian day is bound once, not parsed per row. */
const UNIX_EPOCH_JULIAN_DAY = 2_440_587.5;

/**
 * FSRS predicted recall of the card state aliased `s` at `now`, in SQL: the
 * same curve and rounding as lib/srs `retrievability` (`round8((1 + factor ·
 * t / S)^decay)`, `t` the days since the last review, clamped at 0), for a
 * card with a memory (`HAS_RECALL`: not New, a last review, stability > 0;
 * the reads keep the others out with it, so the curve is computed once per
 * row, not again in a filter on its result).
 * The integration tests compare it with `retrievability` on both providers.
 */
const HAS_RECALL = Prisma.sql`s."state" <> 'New' AND s."lastReview" IS NOT NULL AND s."stability" > 0`;

function recallSql(db: DbTx, now: Date): Prisma.Sql {
  const { decay, factor } = forgettingCurve(DEFAULT_SRS_PARAMS);
  const at = now.toISOString();
  const days =
    sqlDialect(db) === "sqlite"
      ? Prisma.sql`max(0.0, ${now.getTime() / DAY_MS + UNIX_EPOCH_JULIAN_DAY} - julianday(s."lastReview"))`
      : Prisma.sql`GREATEST(CAST(0 AS double precision), date_part('epoch', CAST(${at} AS timestamp(3)) - s."lastReview") / CAST(86400 AS double precision))`;
  const curve =
    sqlDialect(db) === "sqlite"
      ? Prisma.sql`pow(1.0 + ${factor} * ${days} / s."stability", ${decay})`
      : Prisma.sql`power(1.0 + CAST(${factor} AS double precision) * ${days} / s."stability", CAST(${decay} AS double precision))`;
  // ts-fsrs rounds to 8 decimals as Math.round(x · 1e8) / 1e8; so does this, in floating point on both providers.
  return Prisma.sql`round(${curve} * 100000000.0) / 100000000.0`;
}

/** Per student, the mean predicted recall (lib/srs `retrievability`) over the current cards of one deck they have a memory of. */
export type StudentRecallRow = { userId: string; meanRecall: number };

/**
 * The review assignment report's mean recall, computed in SQL: one row per
 * student with at least one deck card studied, instead of every card state.
 */
export async function deckRecallOf(studentIds: readonly string[], deckId: string, now: Date, db: DbTx = getDb()): Promise<StudentRecallRow[]> {
  if (studentIds.length === 0) return [];
  const rows = await db.$queryRaw<{ userId: string; meanRecall: unknown }[]>`
    SELECT "userId", AVG("r") AS "meanRecall" FROM (
      SELECT s."userId" AS "userId", ${recallSql(db, now)} AS "r"
      FROM "CardState" s
      JOIN "DeckCard" d ON d."cardId" = s."cardId" AND d."deckId" = ${deckId}
      JOIN "Card" c ON c."id" = d."cardId" AND c."retired" = false
      WHERE s."userId" IN (${Prisma.join([...studentIds])}) AND ${HAS_RECALL}
    ) per_card
    GROUP BY "userId"`;
  return rows.map((r) => ({ userId: r.userId, meanRecall: Number(r.meanRecall) }));
}

export type FactSumsInput = { studentIds: readonly string[]; factIds: readonly string[]; deckIds: readonly string[] | null; now: Date };

/**
 * What the class knows about each fact, summed up in SQL (lib/reports
 * `factKnowledgeFromSums` makes the report's rows of it): per fact, over the
 * class's students, the quiz answers and the correct ones, the students with
 * a recall value and the sum of their per-fact mean recall, the students who
 * know the fact, and those with any evidence — the rule of lib/reports
 * `factKnowledge` (latest answer wins, an incorrect one on a tie; else mean
 * recall ≥ `KNOWS_RECALL_MIN`), applied per (student, fact) in SQL so that a
 * class of 300 returns one row per fact, not 60 000 card states and 60 000
 * answers. The answers come summed up per (student, fact) from
 * `FactAnswerSummary`, which a trigger keeps (see prisma/models.prisma).
 *
 * `factIds` are the report's facts; `deckIds` the decks whose current cards
 * count for recall (null: every current card).
 */
export async function factKnowledgeSumsOf(input: FactSumsInput, db: DbTx = getDb()): Promise<FactKnowledgeSums[]> {
  if (input.studentIds.length === 0 || input.factIds.length === 0) return [];
  const rows = await db.$queryRaw<Record<keyof FactKnowledgeSums, unknown>[]>(factSumsSql(input, db));
  return rows.map((r) => ({
    factId: String(r.factId),
    quizAnswers: Number(r.quizAnswers),
    quizCorrect: Number(r.quizCorrect),
    recallStudents: Number(r.recallStudents),
    recallTotal: r.recallTotal === null ? 0 : Number(r.recallTotal),
    knowsCount: Number(r.knowsCount),
    evidenceCount: Number(r.evidenceCount),
  }));
}

/** `factKnowledgeSumsOf`'s statement (exported for `EXPLAIN` in the benchmarks). */
export function factSumsSql(input: FactSumsInput, db: DbTx): Prisma.Sql {
  const { studentIds, factIds, deckIds, now } = input;
  const students = Prisma.join([...studentIds]);
  const facts = Prisma.join([...factIds]);
  const inDecks = deckIds === null ? Prisma.empty : Prisma.sql`AND EXISTS (SELECT 1 FROM "DeckCard" d WHERE d."cardId" = c."id" AND d."deckId" IN (${Prisma.join([...deckIds])}))`;
  return Prisma.sql`
    WITH latest AS (
      SELECT "userId" AS "u", "factId" AS "f", "answers" AS "n", "correct" AS "nok", "lastKey"
      FROM "FactAnswerSummary"
      WHERE "userId" IN (${students}) AND "factId" IN (${facts})
    ),
    recall AS (
      SELECT "u", "f", AVG("r") AS "r" FROM (
        SELECT s."userId" AS "u", c."factId" AS "f", ${recallSql(db, now)} AS "r"
        FROM "CardState" s
        JOIN "Card" c ON c."id" = s."cardId" AND c."retired" = false
        JOIN "Fact" x ON x."id" = c."factId" AND x."retired" = false
        WHERE s."userId" IN (${students}) AND ${HAS_RECALL} ${inDecks}
      ) per_card
      GROUP BY "u", "f"
    ),
    student_fact AS (
      SELECT "u", "f", SUM("n") AS "n", SUM("nok") AS "nok", MAX("lastOk") AS "lastOk", MAX("r") AS "r" FROM (
        SELECT "u", "f", "n", "nok", 1 - ("lastKey" - 2 * floor("lastKey" / 2)) AS "lastOk", NULL AS "r" FROM latest
        UNION ALL
        SELECT "u", "f", 0, 0, NULL, "r" FROM recall
      ) both_kinds
      GROUP BY "u", "f"
    )
    SELECT "f" AS "factId",
           SUM("n") AS "quizAnswers",
           SUM("nok") AS "quizCorrect",
           COUNT("r") AS "recallStudents",
           SUM("r") AS "recallTotal",
           SUM(CASE WHEN "lastOk" IS NOT NULL THEN "lastOk" WHEN "r" >= ${KNOWS_RECALL_MIN} THEN 1 ELSE 0 END) AS "knowsCount",
           COUNT(*) AS "evidenceCount"
    FROM student_fact
    GROUP BY "f"`;
}

