/*
 * Attempts at an assignment are numbered 1, 2, … per student, and the
 * number is unique (QuizAttempt @@unique([assignmentId, userId,
 * attemptNumber])): of any number of concurrent starts, one creates attempt
 * n and the others fail on the constraint, so no student ever gets more
 * than `attemptsAllowed` attempts, on SQLite or PostgreSQL.
 */

/** The number the next attempt takes, after the attempts already made (numbered, or from before numbering). */
export function nextAttemptNumber(attempts: readonly { attemptNumber: number | null }[]): number {
  let highest = attempts.length;
  for (const a of attempts) if (a.attemptNumber !== null && a.attemptNumber > highest) highest = a.attemptNumber;
  return highest + 1;
}
