import { z } from "zod";

/**
 * The extra-time accommodations a teacher can give one student on timed
 * quizzes: the normal limit (1), half as long again (1.5), double (2), or no
 * limit at all ("untimed"). A closed list rather than any number, because
 * these are the arrangements schools grant and a typo such as 15 must not
 * become fifteen times the limit.
 */
export const TIME_MULTIPLIERS = [1, 1.5, 2, "untimed"] as const;
export type TimeMultiplier = (typeof TIME_MULTIPLIERS)[number];

const MESSAGE = "Choose normal time (1×), 1.5×, 2× or untimed.";

/** Parses 1, 1.5, 2 or "untimed", also as the strings a `<select>` submits ("1", "1.5", "2"). */
export const timeMultiplierSchema = z.unknown().transform((v, ctx): TimeMultiplier => {
  const value = typeof v === "string" ? v.trim() : v;
  if (value === "untimed") return "untimed";
  const n = typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (n === 1 || n === 1.5 || n === 2) return n;
  ctx.addIssue({ code: "custom", message: MESSAGE });
  return z.NEVER;
});

/**
 * Per-student multipliers keyed by student id; absent or empty means nobody
 * has one. A student missing from the map gets 1 (see `multiplierFor`).
 * Errors are keyed `timeMultipliers.<studentId>`.
 */
export const timeMultipliersSchema = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? {} : v),
  z.record(z.string().min(1), timeMultiplierSchema, { error: "Time multipliers must map student ids to a multiplier." }),
);

/** The multiplier for one student: their entry, or 1 when they have none. */
export function multiplierFor(multipliers: Readonly<Record<string, TimeMultiplier>>, studentId: string): TimeMultiplier {
  return Object.hasOwn(multipliers, studentId) ? (multipliers[studentId] ?? 1) : 1;
}

/** Reads a stored multiplier ("1", "1.5", "2", "untimed"); anything else is treated as normal time. */
export function parseStoredMultiplier(value: string): TimeMultiplier {
  if (value === "untimed") return "untimed";
  const n = Number(value);
  return (TIME_MULTIPLIERS as readonly unknown[]).includes(n) ? (n as TimeMultiplier) : 1;
}

/** The multiplier that applies to one student: the assignment's own setting, else the class roster's (stored). */
export function effectiveMultiplier(assignmentMultipliers: Readonly<Record<string, TimeMultiplier>>, rosterMultiplier: string, studentId: string): TimeMultiplier {
  return Object.hasOwn(assignmentMultipliers, studentId) ? multiplierFor(assignmentMultipliers, studentId) : parseStoredMultiplier(rosterMultiplier);
}
