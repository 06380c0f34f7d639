import { getDb, type DbTx } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import type { ReviewAssignmentDue } from "../srs/assignment-allowance";
import type { StudyMoreToday } from "../srs/deck-allowance";
import type { SrsParams } from "../srs/params";
import { studyDay } from "../srs/study-day";
import { MORE_NEW_MAX_PER_DAY, REVIEW_AHEAD_MAX_DAYS } from "../srs/study-more-limits";
import { studentDueAt } from "../classes/student-due";
import { getSrsParams } from "./study-settings";
import { studentAssignmentRows } from "./student-assignments-read";
import { isUniqueViolation } from "./unique-violation";

/*
 * "Study more" (Anki's custom study) and the review assignments that raise a
 * deck's new-card allowance. The StudyExtra row of (student, deck, study day)
 * holds the day's extra new cards and review-ahead days; a new study day
 * starts from none. Writes are single guarded statements (as `takeSlot`,
 * lib/data/limits.ts): call them on the process-wide client, not inside a
 * transaction (on PostgreSQL a lost INSERT race would abort it).
 */

const NONE: StudyMoreToday = { extraNew: 0, aheadDays: 0 };

/** The student's study-more choices for these decks on study day `day` (decks without a row are absent). */
export async function studyMoreOn(userId: string, deckIds: readonly string[] | "all", day: string, db: DbTx = getDb()): Promise<Map<string, StudyMoreToday>> {
  const rows = await db.studyExtra.findMany({
    where: { userId, studyDay: day, ...(deckIds === "all" ? {} : { deckId: { in: [...deckIds] } }) },
    select: { deckId: true, extraNew: true, aheadDays: true },
  });
  return new Map(rows.map((r) => [r.deckId, { extraNew: r.extraNew, aheadDays: r.aheadDays }]));
}

/** One deck's study-more choices today (zeros when none). */
export async function studyMoreToday(userId: string, deckId: string, day: string, db: DbTx = getDb()): Promise<StudyMoreToday> {
  return (await studyMoreOn(userId, [deckId], day, db)).get(deckId) ?? NONE;
}

export type OpenReviewAssignment = ReviewAssignmentDue & { title: string; deckId: string; className: string; timeZone: string };

/** The review assignments of the student's active (not archived) classes, for these decks or all, soonest due first (by the student's own due date). */
export async function reviewAssignmentsOf(userId: string, deckIds: readonly string[] | "all", db: DbTx = getDb()): Promise<OpenReviewAssignment[]> {
  const rows = await studentAssignmentRows(userId, { kind: "review", ...(deckIds === "all" ? {} : { deckIds }) }, db);
  // The student's own due date: an extension gives them more time (lib/classes `studentDueAt`).
  return rows
    .map((r) => ({ id: r.id, title: r.title, deckId: r.deckId, openAt: r.openAt, dueAt: studentDueAt(r.dueAt, r.extendedTo), className: r.className, timeZone: r.timeZone }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function assertDeck(deckId: string, db: DbTx) {
  if (!(await db.deck.findUnique({ where: { id: deckId }, select: { id: true } }))) throw new NotFound("No such deck.");
}

/**
 * One write of the day's row: a guarded UPDATE, else the INSERT (its key makes
 * it happen once). A row that exists and fails the guard (`full`) is refused;
 * one that appeared between two statements is tried again.
 */
async function writeToday(
  key: { userId: string; deckId: string; studyDay: string },
  update: () => Promise<number>,
  create: () => Promise<unknown>,
  full: (row: StudyMoreToday) => boolean,
  db: DbTx,
): Promise<StudyMoreToday | "full"> {
  for (let round = 0; round < 5; round++) {
    if ((await update()) === 1) return studyMoreToday(key.userId, key.deckId, key.studyDay, db);
    const row = await db.studyExtra.findUnique({ where: { userId_deckId_studyDay: key }, select: { extraNew: true, aheadDays: true } });
    if (row) {
      if (full(row)) return "full";
      continue; // it appeared (or changed) between the two statements: update it
    }
    try {
      await create();
      return studyMoreToday(key.userId, key.deckId, key.studyDay, db);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new Conflict("Too many changes at once; try again.");
}

/**
 * "More new cards today": `amount` more new cards of the deck on top of the
 * day's limit, for the student's current study day. Atomic: the total for
 * the day never passes MORE_NEW_MAX_PER_DAY, however many requests race
 * (one guarded UPDATE `extraNew ≤ max − amount`, or the INSERT of the row);
 * a refused request writes nothing. Returns the day's total.
 * @throws Invalid (amount out of range, or over the day's maximum); NotFound for an unknown deck.
 */
export async function addMoreNewCards(input: { userId: string; deckId: string; amount: number; now: Date; params?: SrsParams }, db: DbTx = getDb()): Promise<StudyMoreToday> {
  const { userId, deckId, amount } = input;
  if (!Number.isInteger(amount) || amount < 1 || amount > MORE_NEW_MAX_PER_DAY) throw Invalid.fields({ amount: `Enter how many more new cards from 1 to ${MORE_NEW_MAX_PER_DAY}.` });
  await assertDeck(deckId, db);
  const params = input.params ?? (await getSrsParams(userId, db));
  const key = { userId, deckId, studyDay: studyDay(input.now, params.timeZone, params.dayStartHour) };
  const out = await writeToday(
    key,
    async () => (await db.studyExtra.updateMany({ where: { ...key, extraNew: { lte: MORE_NEW_MAX_PER_DAY - amount } }, data: { extraNew: { increment: amount } } })).count,
    () => db.studyExtra.create({ data: { ...key, extraNew: amount }, select: { userId: true } }),
    (row) => row.extraNew > MORE_NEW_MAX_PER_DAY - amount,
    db,
  );
  if (out !== "full") return out;
  const left = Math.max(0, MORE_NEW_MAX_PER_DAY - (await studyMoreToday(userId, deckId, key.studyDay, db)).extraNew);
  throw Invalid.fields({ amount: left === 0 ? `You already added the most extra new cards for today (${MORE_NEW_MAX_PER_DAY}).` : `At most ${left} more today.` });
}

/**
 * "Review ahead": for the rest of the student's study day, the deck's
 * Review cards due in the next `days` days come in too. Setting it again
 * replaces the number (a shorter reach is allowed). One statement; returns the day's row.
 * @throws Invalid (days out of range); NotFound for an unknown deck.
 */
export async function setReviewAhead(input: { userId: string; deckId: string; days: number; now: Date; params?: SrsParams }, db: DbTx = getDb()): Promise<StudyMoreToday> {
  const { userId, deckId, days } = input;
  if (!Number.isInteger(days) || days < 1 || days > REVIEW_AHEAD_MAX_DAYS) throw Invalid.fields({ amount: `Enter how many days ahead from 1 to ${REVIEW_AHEAD_MAX_DAYS}.` });
  await assertDeck(deckId, db);
  const params = input.params ?? (await getSrsParams(userId, db));
  const key = { userId, deckId, studyDay: studyDay(input.now, params.timeZone, params.dayStartHour) };
  const out = await writeToday(
    key,
    async () => (await db.studyExtra.updateMany({ where: key, data: { aheadDays: days } })).count,
    () => db.studyExtra.create({ data: { ...key, aheadDays: days }, select: { userId: true } }),
    () => false,
    db,
  );
  if (out === "full") throw new Conflict("That change could not be saved; try again.");
  return out;
}
