/** Class mean and median of a set of scores (0..1), over the students who have one. */
export type ScoreSummary = { students: number; mean: number | null; median: number | null };

/**
 * Mean = Σ score ÷ n; median = the middle score once sorted, the mean of
 * the two middle ones for an even n. Students without a score (nothing
 * finished) are left out, not counted as 0; both are null when none has one.
 */
export function scoreSummary(scores: readonly (number | null)[]): ScoreSummary {
  const xs = scores.filter((s): s is number => s !== null && Number.isFinite(s)).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { students: 0, mean: null, median: null };
  let sum = 0;
  for (const x of xs) sum += x;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { students: n, mean: sum / n, median };
}
