import { InvalidSrsInput } from "./invalid-srs-input";
import { isValidTimeZone } from "@/lib/time/time-zone";
import { wallClockMs as zoneWallClockMs } from "../time/wall-clock";

const DAY_MS = 86_400_000;
const checkedZones = new Set<string>();
/** `wallClockMs` after checking the zone (once per zone), so an unknown zone is an InvalidSrsInput, not a RangeError. */
function wallClockMs(ms: number, timeZone: string): number {
  if (!checkedZones.has(timeZone)) {
    if (!isValidTimeZone(timeZone)) throw new InvalidSrsInput("timeZone", `unknown time zone "${timeZone}"`);
    checkedZones.add(timeZone);
  }
  return zoneWallClockMs(ms, timeZone);
}

function checkHour(dayStartHour: number): void {
  if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
    throw new InvalidSrsInput("dayStartHour", "dayStartHour must be a whole hour 0–23");
  }
}

function isoDay(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

function parseDay(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (Number.isNaN(ms) || isoDay(ms) !== day) throw new InvalidSrsInput("day", `"${day}" is not a YYYY-MM-DD date`);
  return ms;
}

/**
 * The student's study day at `now`: the local calendar date in `timeZone`,
 * minus one day while the local time is before `dayStartHour` (Anki's
 * "next day starts at" 4 am: reviewing at 1 am still counts for the evening
 * before). Wall-clock based, so DST changes need no special case.
 */
export function studyDay(now: Date, timeZone: string, dayStartHour: number): string {
  checkHour(dayStartHour);
  if (Number.isNaN(now.getTime())) throw new InvalidSrsInput("now", "now must be a valid Date");
  const wall = wallClockMs(Math.floor(now.getTime() / 1000) * 1000, timeZone);
  const midnight = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
  const hour = Math.floor((wall - midnight) / 3_600_000);
  return isoDay(hour < dayStartHour ? midnight - DAY_MS : midnight);
}

/** The day `n` calendar days after `day` ("2024-02-28" + 1 = "2024-02-29"). */
export function addDays(day: string, n: number): string {
  return isoDay(parseDay(day) + n * DAY_MS);
}

/**
 * The instant (UTC) study day `day` begins: `day` at `dayStartHour`:00 local
 * time in `timeZone`. If that wall time happens twice (autumn DST), the
 * first; if it does not exist (spring DST gap), the moment the clocks jump,
 * i.e. the first instant after it. A study day is therefore 23, 24 or 25
 * hours long; it ends where `studyDayStart(addDays(day, 1))` begins.
 */
export function studyDayStart(day: string, timeZone: string, dayStartHour: number): Date {
  checkHour(dayStartHour);
  const local = parseDay(day) + dayStartHour * 3_600_000;
  const offsetAt = (ms: number): number => wallClockMs(ms, timeZone) - ms;
  const before = offsetAt(local - DAY_MS);
  const after = offsetAt(local + DAY_MS);
  const valid = [local - before, local - after]
    .filter((c) => wallClockMs(c, timeZone) === local)
    .sort((a, b) => a - b);
  return new Date(valid[0] ?? local - before);
}
