/**
 * The longest one review can be said to have taken. The client measures how
 * long a card was on screen, but a client can send anything (the request
 * allows up to 24 h), and "time spent" in teachers' reports is summed from
 * these durations. The server's clock bounds it: the card was shown at the
 * earliest right after the student's previous grade, so a duration never
 * exceeds the time since then, nor `MAX_REVIEW_DURATION_MS` (what the review
 * screen itself caps a card's time at).
 */
export const MAX_REVIEW_DURATION_MS = 5 * 60_000;

/** `durationMs` capped to what the server's clock allows (see module comment); never negative, whole milliseconds. */
export function clockAllowedDurationMs(durationMs: number, previousReviewAt: Date | null, now: Date): number {
  const sincePrevious = previousReviewAt ? now.getTime() - previousReviewAt.getTime() : Number.POSITIVE_INFINITY;
  return Math.max(0, Math.round(Math.min(durationMs, MAX_REVIEW_DURATION_MS, sincePrevious)));
}
