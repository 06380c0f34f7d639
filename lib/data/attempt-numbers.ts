import { isUniqueViolation } from "./unique-violation";

/** Whether a failed attempt insert lost the race for its attempt number (see lib/quiz/attempt-number.ts). */
export function isAttemptTaken(e: unknown): boolean {
  if (!isUniqueViolation(e)) return false;
  const err = e as { meta?: { target?: unknown }; message?: string };
  return /attemptNumber/.test(JSON.stringify(err.meta ?? {}) + String(err.message));
}
