import { wallClockMs } from "../time/wall-clock";
import { Invalid } from "@/lib/errors";

/** "YYYY-MM-DDTHH:mm", optionally ":ss", as an `<input type="datetime-local">` submits it. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The zone's offset from UTC at an instant, in ms (Los Angeles in summer: −7 h). */
function offsetAt(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

function invalidLocal(message: string): Invalid {
  return Invalid.fields({ local: message });
}

/**
 * The UTC instant at which clocks in `timeZone` read `local`
 * ("YYYY-MM-DDTHH:mm" or "YYYY-MM-DDTHH:mm:ss").
 *
 * Daylight-saving transitions (the same choice as Temporal's
 * `disambiguation: "compatible"` and as most calendars):
 * - a local time that does not exist (clocks jump 02:00 → 03:00) moves
 *   forward by the length of the gap: 02:30 is read with the offset in force
 *   before the jump, giving the instant the clocks call 03:30;
 * - a local time that happens twice (clocks go back 02:00 → 01:00) takes the
 *   earlier instant, the first 01:30.
 *
 * Candidate offsets are those in force one day before and one day after the
 * reading; a zone that changes offset twice within two days is not handled.
 *
 * @throws Invalid (`fieldErrors.local`) for a malformed or impossible
 * date-time such as 2025-02-30T10:00; RangeError for an unknown time zone.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) throw invalidLocal("Enter a date and time like 2025-03-14T09:30.");
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => (s === undefined ? 0 : Number(s))) as [
    number, number, number, number, number, number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (
    year < 1 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw invalidLocal(`${local} is not a real date and time.`);
  }

  const before = offsetAt(asUtc - DAY, timeZone);
  const after = offsetAt(asUtc + DAY, timeZone);
  const matches = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === asUtc)
    .sort((a, b) => a - b);
  const earliest = matches[0];
  // No match: the reading falls in a gap; the pre-transition offset carries it forward.
  return new Date(earliest ?? asUtc - before);
}

/**
 * The reverse of `zonedLocalToUtc`: "YYYY-MM-DDTHH:mm" as clocks in
 * `timeZone` read at `instant` (seconds dropped), for filling a
 * datetime-local input when a teacher edits an assignment.
 */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  const wall = new Date(wallClockMs(instant.getTime(), timeZone));
  return wall.toISOString().slice(0, 16);
}
