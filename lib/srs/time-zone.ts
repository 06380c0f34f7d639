/**
 * Whether `timeZone` is an IANA zone (or alias such as "UTC") that this
 * runtime's Intl knows. Rule: `Intl.DateTimeFormat` throws a RangeError for
 * an unknown zone; anything it accepts is accepted.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
