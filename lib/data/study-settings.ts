import { getDb, type DbTx } from "../db";
import { srsParams, studySettingsSchema, type SrsParams, type StudySettings } from "../srs/params";

export type StoredStudySettings = StudySettings & { quizFeedback: "immediate" | "end"; saved: boolean };

/** A student's study settings, or the defaults when they never saved any. */
export async function getStudySettings(userId: string, db: DbTx = getDb()): Promise<StoredStudySettings> {
  return storedSettings(await settingsRowOf(userId, db));
}

/** The stored row, or null: raw (pages read it on every request; a model query is compiled afresh each time). */
async function settingsRowOf(userId: string, db: DbTx): Promise<SettingsRow | null> {
  const [row] = await db.$queryRaw<SettingsRow[]>`
    SELECT "desiredRetention", "newPerDay", "maxReviewsPerDay", "timeZone", "dayStartHour", "quizFeedback" FROM "StudySettings" WHERE "userId" = ${userId}`;
  return row ? { ...row, desiredRetention: Number(row.desiredRetention), newPerDay: Number(row.newPerDay), maxReviewsPerDay: Number(row.maxReviewsPerDay), dayStartHour: Number(row.dayStartHour) } : null;
}

type SettingsRow = { desiredRetention: number; newPerDay: number; maxReviewsPerDay: number; timeZone: string; dayStartHour: number; quizFeedback?: string };

/** A stored settings row (or none) as the settings: the one place a row is read back (also by lib/data/review-reads). */
export function storedSettings(row: SettingsRow | null): StoredStudySettings {
  const parsed = studySettingsSchema.parse(row ? { desiredRetention: row.desiredRetention, newPerDay: row.newPerDay, maxReviewsPerDay: row.maxReviewsPerDay, timeZone: row.timeZone, dayStartHour: row.dayStartHour } : {});
  return { ...parsed, quizFeedback: row?.quizFeedback === "end" ? "end" : "immediate", saved: Boolean(row) };
}

const paramsByRow = new Map<string, SrsParams>();
const MAX_CACHED_PARAMS = 1000;

/**
 * The scheduler parameters from a stored settings row (or none). Every study
 * request reads the row; checking it (zod, the time zone) is done once per
 * distinct row, and the same frozen parameters are answered after that.
 */
export function srsParamsFromRow(row: SettingsRow | null): SrsParams {
  const key = row ? `${row.desiredRetention}|${row.newPerDay}|${row.maxReviewsPerDay}|${row.timeZone}|${row.dayStartHour}` : "";
  const hit = paramsByRow.get(key);
  if (hit) return hit;
  const { quizFeedback: _q, saved: _s, ...settings } = storedSettings(row);
  const params = Object.freeze(srsParams(settings));
  if (paramsByRow.size >= MAX_CACHED_PARAMS) paramsByRow.clear();
  paramsByRow.set(key, params);
  return params;
}

/** The scheduler parameters for a student. */
export async function getSrsParams(userId: string, db: DbTx = getDb()): Promise<SrsParams> {
  return srsParamsFromRow(await settingsRowOf(userId, db));
}

/** Saves validated settings. */
export async function saveStudySettings(userId: string, settings: StudySettings & { quizFeedback: "immediate" | "end" }, db: DbTx = getDb()) {
  await db.studySettings.upsert({ where: { userId }, create: { userId, ...settings }, update: settings, select: { userId: true } });
}

/**
 * Adopts the browser's time zone for a student who never saved settings
 * (sent at sign-up and sign-in); a saved choice is never overwritten.
 */
export async function adoptTimeZone(userId: string, timeZone: string, db: DbTx = getDb()): Promise<boolean> {
  const existing = await db.studySettings.findUnique({ where: { userId }, select: { userId: true } });
  if (existing) return false;
  const defaults = studySettingsSchema.parse({ timeZone });
  try {
    await db.studySettings.create({ data: { userId, ...defaults }, select: { userId: true } });
    return true;
  } catch {
    return false; // saved meanwhile (another tab): keep what is there
  }
}
