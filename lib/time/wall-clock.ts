/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl`: the
 * one piece shared by study days (lib/srs) and class due dates (lib/classes).
 * Pure: the instant is always passed in.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter for `timeZone`; RangeError for an unknown zone (callers validate first where they need their own error). */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const readings = new Map<string, number>();
const MAX_READINGS = 4096;

/**
 * The wall-clock reading in `timeZone` at `instantMs`, as if that reading were
 * UTC (ms, whole seconds). Remembered per (zone, instant): one request asks
 * for the same few instants many times (its `now`, the study day's bounds),
 * and `formatToParts` is the costly part.
 */
export function wallClockMs(instantMs: number, timeZone: string): number {
  const key = `${timeZone}|${instantMs}`;
  const hit = readings.get(key);
  if (hit !== undefined) return hit;
  const ms = readWallClock(instantMs, timeZone);
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(key, ms);
  return ms;
}

function readWallClock(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}
