import { getDb, type DbTx } from "../db";
import { srsParams, studySettingsSchema, type SrsParams, type StudySettings } from "../srs/params";

const settingsSelect = { desiredRetention: true, newPerDay: true, maxReviewsPerDay: true, timeZone: true, dayStartHour: true, quizFeedback: true } as const;

export type StoredStudySettings = StudySettings & { quizFeedback: "immediate" | "end"; saved: boolean };

/** A student's study settings, or the defaults when they never saved any. */
export async function getStudySettings(userId: string, db: DbTx = getDb()): Promise<StoredStudySettings> {
  return storedSettings(await db.studySettings.findUnique({ where: { userId }, select: settingsSelect }));
}

type SettingsRow = { desiredRetention: number; newPerDay: number; maxReviewsPerDay: number; timeZone: string; dayStartHour: number; quizFeedback?: string };

/** A stored settings row (or none) as the settings: the one place a row is read back (also by lib/data/review-reads). */
export function storedSettings(row: SettingsRow | null): StoredStudySettings {
  const parsed = studySettingsSchema.parse(row ? { desiredRetention: row.desiredRetention, newPerDay: row.newPerDay, maxReviewsPerDay: row.maxReviewsPerDay, timeZone: row.timeZone, dayStartHour: row.dayStartHour } : {});
  return { ...parsed, quizFeedback: row?.quizFeedback === "end" ? "end" : "immediate", saved: Boolean(row) };
}

/** The scheduler parameters from a stored settings row (or none). */
export function srsParamsFromRow(row: SettingsRow | null): SrsParams {
  const { quizFeedback: _q, saved: _s, ...settings } = storedSettings(row);
  return srsParams(settings);
}

/** The scheduler parameters for a student. */
export async function getSrsParams(userId: string, db: DbTx = getDb()): Promise<SrsParams> {
  return srsParamsFromRow(await db.studySettings.findUnique({ where: { userId }, select: settingsSelect }));
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
