import { getDb, type DbTx } from "../db";
import { srsParams, studySettingsSchema, type SrsParams, type StudySettings } from "../srs/params";

const settingsSelect = { desiredRetention: true, newPerDay: true, maxReviewsPerDay: true, timeZone: true, dayStartHour: true, quizFeedback: true } as const;

export type StoredStudySettings = StudySettings & { quizFeedback: "immediate" | "end"; saved: boolean };

/** A student's study settings, or the defaults when they never saved any. */
export async function getStudySettings(userId: string, db: DbTx = getDb()): Promise<StoredStudySettings> {
  const row = await db.studySettings.findUnique({ where: { userId }, select: settingsSelect });
  const parsed = studySettingsSchema.parse(row ?? {});
  return { ...parsed, quizFeedback: row?.quizFeedback === "end" ? "end" : "immediate", saved: Boolean(row) };
}

/** The scheduler parameters for a student. */
export async function getSrsParams(userId: string, db: DbTx = getDb()): Promise<SrsParams> {
  const { quizFeedback: _q, saved: _s, ...settings } = await getStudySettings(userId, db);
  return srsParams(settings);
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
