import { addDays, studyDay } from "@/lib/srs/study-day";

/** Reviews on one study day ("YYYY-MM-DD" in the student's zone). */
export type DayCount = { day: string; count: number };

/**
 * Reviews per study day for the last `days` study days ending with today's,
 * oldest first, days without reviews included with 0. Each review counts
 * on its study day in the student's zone (`studyDay`, day starting at
 * `dayStartHour`), so a review at 1 am counts for the evening before.
 * Reviews outside the window (or in the future) are not counted.
 */
export function reviewsPerDay(
  logs: readonly { reviewedAt: Date }[],
  now: Date,
  timeZone: string,
  dayStartHour: number,
  days = 30,
): DayCount[] {
  const today = studyDay(now, timeZone, dayStartHour);
  const n = Math.max(0, Math.floor(days));
  const series: DayCount[] = Array.from({ length: n }, (_, i) => ({ day: addDays(today, i - n + 1), count: 0 }));
  const index = new Map(series.map((d, i) => [d.day, i]));
  for (const log of logs) {
    const i = index.get(studyDay(log.reviewedAt, timeZone, dayStartHour));
    const entry = i === undefined ? undefined : series[i];
    if (entry) entry.count++;
  }
  return series;
}
