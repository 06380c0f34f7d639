/**
 * How long an attempt took, in milliseconds: `finishedAt − startedAt`, or
 * `now − startedAt` while it is still open; never negative (clock skew).
 */
export function attemptDuration(startedAt: Date, finishedAt: Date | null, now: Date): number {
  return Math.max(0, (finishedAt ?? now).getTime() - startedAt.getTime());
}
