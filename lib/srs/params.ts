import { z } from "zod";
import type { StepUnit } from "ts-fsrs";
import { isValidTimeZone } from "@/lib/time/time-zone";

/**
 * What a student may set. Defaults follow Anki/FSRS: 90 % desired retention,
 * 20 new cards and 200 reviews a day, the study day starting at 4 am local
 * time. `timeZone` defaults to "UTC"; the app should send the browser's zone.
 */
export const studySettingsSchema = z.object({
  desiredRetention: z.number().min(0.7).max(0.97).default(0.9),
  newPerDay: z.number().int().min(0).max(500).default(20),
  maxReviewsPerDay: z.number().int().min(0).max(5000).default(200),
  timeZone: z
    .string()
    .max(64)
    .refine(isValidTimeZone, { message: "unknown IANA time zone" })
    .default("UTC"),
  dayStartHour: z.number().int().min(0).max(23).default(4),
});
export type StudySettings = z.output<typeof studySettingsSchema>;
export type StudySettingsInput = z.input<typeof studySettingsSchema>;

/**
 * Everything the scheduler and the queue need: the student's settings plus
 * the fixed scheduler choices (FSRS-6 default weights from ts-fsrs).
 */
export type SrsParams = StudySettings & {
  learningSteps: readonly StepUnit[];
  relearningSteps: readonly StepUnit[];
  enableFuzz: boolean;
  /** Longest interval in days. */
  maximumInterval: number;
  /**
   * Anki's learn-ahead limit: when nothing else is due, learning cards due
   * within this many minutes are shown early; intervals shorter than this are
   * labelled "<…" in previews.
   */
  learnAheadMinutes: number;
};

/** The fixed part of SrsParams (not student-settable). */
export const SCHEDULER_DEFAULTS = {
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  enableFuzz: true,
  maximumInterval: 36500,
  learnAheadMinutes: 20,
} as const satisfies Omit<SrsParams, keyof StudySettings>;

/**
 * SrsParams from (possibly partial) student settings: validated with
 * `studySettingsSchema` (throws a ZodError for out-of-range values), missing
 * settings take their defaults, scheduler choices from SCHEDULER_DEFAULTS.
 */
export function srsParams(settings: Partial<StudySettingsInput> = {}): SrsParams {
  return { ...studySettingsSchema.parse(settings), ...SCHEDULER_DEFAULTS };
}

/** Default parameters (UTC, 4 am day start, 90 % retention, fuzz on). */
export const DEFAULT_SRS_PARAMS: SrsParams = srsParams();
