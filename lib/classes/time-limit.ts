import type { TimeMultiplier } from "./time-multiplier";

const MINUTE = 60_000;

/**
 * A student's time limit in ms: `minutes × 60 000 × multiplier`, or null
 * (no limit) when the quiz is untimed or the student's multiplier is
 * "untimed". 20 min × 1.5 → 1 800 000 ms (30 min).
 */
export function effectiveTimeLimit(minutes: number | null, multiplier: TimeMultiplier): number | null {
  if (minutes === null || multiplier === "untimed") return null;
  return Math.round(minutes * MINUTE * multiplier);
}

export type QuizDeadline = {
  /** When the attempt closes: `startedAt + limitMs`, or null for no limit. */
  endsAt: Date | null;
  /**
   * True when the attempt can still be open after the due date (its end is
   * after `dueAt`, or it has no end and a due date exists): the page should
   * warn that answers submitted after the due date are marked late.
   */
  runsPastDue: boolean;
};

/**
 * When a quiz attempt closes. The due date does NOT cut a timed attempt
 * short: a student who starts at 23:50 with a 20-minute limit keeps all 20
 * minutes; what they submit after `dueAt` is accepted and marked late (see
 * `isLate`). Only the time limit closes an attempt — a due date is a
 * deadline for the teacher's records, not a guillotine on a student's work.
 */
export function quizDeadline(startedAt: Date, limitMs: number | null, dueAt?: Date | null): QuizDeadline {
  const endsAt = limitMs === null ? null : new Date(startedAt.getTime() + limitMs);
  const runsPastDue = dueAt != null && (endsAt === null || endsAt.getTime() > dueAt.getTime());
  return { endsAt, runsPastDue };
}
