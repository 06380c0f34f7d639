import { getDb, type DbTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { SRS_STATES, type SrsCardState, type SrsState } from "../srs/card-state";
import { sqlDialect } from "./sql-dialect";
import type { SrsParams } from "../srs/params";
import { corpusKey } from "./corpus-cache";
import { srsParamsFromRow } from "./study-settings";

/**
 * The two reads of the review path, in SQL (identifiers double-quoted, every
 * value bound; the same JavaScript types on SQLite and PostgreSQL, checked by
 * tests/integration/review-statements.test.ts and the review tests):
 *
 * 1. `studentDayRead` — one statement: the student's study settings, the
 *    corpus version (the key of lib/data/corpus-cache), the student's review
 *    logs of the last `RECENT_HOURS` (today's counts and the previous grade's
 *    time are taken from them in memory) and, for a grade, the log under its
 *    review id (a replay), whoever's and however old; and whether the student
 *    is in a class and has study-more rows, so that a queue reads a deck's
 *    extras (lib/data/deck-allowance `deckExtrasOf`) only when there can be some.
 * 2. `studentStates` — one statement: every card state of the student, by the
 *    primary key's `userId` prefix.
 */

/** How far back the recent logs go: longer than any study day (23–25 h) plus the 5-minute duration cap. */
export const RECENT_HOURS = 26;

export type RecentLog = {
  id: string;
  userId: string;
  cardId: string;
  grade: number;
  reviewedAt: Date;
  versionAfter: number;
  introduced: boolean;
  /** The card's state before this grade (lib/srs SrsReviewLog `previous.state`), taken out of `logJson` by the database. */
  previousState: SrsState;
  undoneAt: Date | null;
};

export type StudentDay = {
  params: SrsParams;
  corpusKey: string;
  /** The student's logs reviewed at or after `now − RECENT_HOURS`, undone ones included, oldest first. */
  recent: RecentLog[];
  /** The log stored under the asked review id, if any (possibly another student's). */
  replay: RecentLog | null;
  /** Whether the student is in a class now (review assignments and hidden facts can only come from one). */
  inClass: boolean;
  /** The newest study day with a study-more row of the student (null: none ever). */
  lastStudyMoreDay: string | null;
};

type DayRow = {
  settingsUserId: string | null;
  desiredRetention: number | null;
  newPerDay: number | null;
  maxReviewsPerDay: number | null;
  timeZone: string | null;
  dayStartHour: number | null;
  corpusId: unknown;
  corpusAt: unknown;
  classCount: unknown;
  lastStudyMoreDay: string | null;
  id: string | null;
  userId: string | null;
  cardId: string | null;
  grade: number | null;
  reviewedAt: unknown;
  versionAfter: number | null;
  introduced: unknown;
  previousState: string | null;
  undoneAt: unknown;
};

/**
 * `previous.state` of a log's JSON, read by the database: the day's counts
 * need only that of each recent log, and parsing every log's JSON (with its
 * schema) on every queue read cost more than the rest of the read.
 */
function previousStateSql(db: DbTx) {
  return sqlDialect(db) === "sqlite" ? Prisma.sql`json_extract(l."logJson", '$.previous.state')` : Prisma.sql`(CAST(l."logJson" AS json) -> 'previous' ->> 'state')`;
}

const STATE_NAMES: ReadonlySet<string> = new Set(SRS_STATES);

/** A stored state name, checked: a log whose JSON lacks a valid `previous.state` is corrupt (a 500, as a failed parse was). */
function srsStateOf(v: string | null, logId: string): SrsState {
  if (v === null || !STATE_NAMES.has(v)) throw new Error(`review log ${logId}: no valid previous.state in logJson`);
  return v as SrsState;
}

/** A date column as raw SQL returns it: Date on PostgreSQL, ISO text (or epoch ms) on SQLite for values without a declared type. */
export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string | number));
/** `toDate` of a nullable date column. */
export const toDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
const toBool = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === "true";

/** See the module comment (1). `reviewId` adds the replay lookup. */
export async function studentDayRead(input: { userId: string; now: Date; reviewId?: string }, db: DbTx = getDb()): Promise<StudentDay> {
  const from = new Date(input.now.getTime() - RECENT_HOURS * 3_600_000);
  const replayOr = input.reviewId === undefined ? Prisma.empty : Prisma.sql` OR l."id" = ${input.reviewId}`;
  const rows = await db.$queryRaw<DayRow[]>`
    SELECT s."userId" AS "settingsUserId", s."desiredRetention", s."newPerDay", s."maxReviewsPerDay", s."timeZone", s."dayStartHour",
      (SELECT MAX(v."id") FROM "CorpusVersion" v) AS "corpusId",
      (SELECT MAX(v."loadedAt") FROM "CorpusVersion" v) AS "corpusAt",
      (SELECT COUNT(*) FROM "ClassMember" m WHERE m."userId" = u."uid" AND m."leftAt" IS NULL) AS "classCount",
      (SELECT MAX(x."studyDay") FROM "StudyExtra" x WHERE x."userId" = u."uid") AS "lastStudyMoreDay",
      l."id", l."userId", l."cardId", l."grade", l."reviewedAt", l."versionAfter", l."introduced", ${previousStateSql(db)} AS "previousState", l."undoneAt"
    FROM (SELECT CAST(${input.userId} AS TEXT) AS "uid") u
    LEFT JOIN "StudySettings" s ON s."userId" = u."uid"
    LEFT JOIN "ReviewLog" l ON (l."userId" = u."uid" AND l."reviewedAt" >= ${from})${replayOr}
    ORDER BY l."reviewedAt" ASC, l."id" ASC`;
  const first = rows[0];
  if (!first) throw new Error("studentDayRead: no row"); // the FROM clause always yields one
  const settings =
    first.settingsUserId === null
      ? null
      : { desiredRetention: Number(first.desiredRetention), newPerDay: Number(first.newPerDay), maxReviewsPerDay: Number(first.maxReviewsPerDay), timeZone: String(first.timeZone), dayStartHour: Number(first.dayStartHour) };
  const recent: RecentLog[] = [];
  let replay: RecentLog | null = null;
  for (const r of rows) {
    if (r.id === null) continue;
    const log: RecentLog = {
      id: r.id,
      userId: r.userId!,
      cardId: r.cardId!,
      grade: Number(r.grade),
      reviewedAt: toDate(r.reviewedAt),
      versionAfter: Number(r.versionAfter),
      introduced: toBool(r.introduced),
      previousState: srsStateOf(r.previousState, r.id),
      undoneAt: toDateOrNull(r.undoneAt),
    };
    if (log.id === input.reviewId) replay = log;
    if (log.userId === input.userId && log.reviewedAt >= from) recent.push(log);
  }
  return {
    params: srsParamsFromRow(settings),
    corpusKey: corpusKey(first.corpusId, first.corpusAt),
    recent,
    replay,
    inClass: Number(first.classCount) > 0,
    lastStudyMoreDay: first.lastStudyMoreDay ?? null,
  };
}

type StateRow = Omit<SrsCardState, "state" | "due" | "lastReview"> & { cardId: string; state: string; due: unknown; lastReview: unknown };

/** See the module comment (2): the student's card states by card id. */
export async function studentStates(userId: string, db: DbTx = getDb()): Promise<Map<string, SrsCardState>> {
  const rows = await db.$queryRaw<StateRow[]>`
    SELECT "cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "version"
    FROM "CardState" WHERE "userId" = ${userId}`;
  return new Map(
    rows.map((r) => [
      r.cardId,
      {
        due: toDate(r.due),
        stability: Number(r.stability),
        difficulty: Number(r.difficulty),
        elapsedDays: Number(r.elapsedDays),
        scheduledDays: Number(r.scheduledDays),
        learningSteps: Number(r.learningSteps),
        reps: Number(r.reps),
        lapses: Number(r.lapses),
        state: r.state as SrsState,
        lastReview: r.lastReview === null || r.lastReview === undefined ? null : toDate(r.lastReview),
        version: Number(r.version),
      },
    ]),
  );
}
