import { addDays } from "@/lib/srs/study-day";
import type { DayCount } from "./reviews-per-day";

/**
 * The study streak: how many consecutive days, ending with the last day of
 * the series ("today"), have at least one review. If today has none yet the
 * streak is still alive and counts back from yesterday (Anki's and
 * Duolingo's rule: the day is not over). Days are read by date, so a gap in
 * the series breaks the streak; the result is at most the series length
 * (pass a longer window to `reviewsPerDay` for longer streaks).
 */
export function streak(days: readonly DayCount[]): number {
  const last = days[days.length - 1];
  if (!last) return 0;
  const counts = new Map(days.map((d) => [d.day, d.count]));
  let day = (counts.get(last.day) ?? 0) > 0 ? last.day : addDays(last.day, -1);
  let n = 0;
  while ((counts.get(day) ?? 0) > 0) {
    n++;
    day = addDays(day, -1);
  }
  return n;
}
