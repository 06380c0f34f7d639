/**
 * Whether `timeZone` is an IANA time-zone name this runtime knows
 * ("Europe/London", "America/Los_Angeles", "UTC"), as judged by
 * `Intl.DateTimeFormat` — the same tables that convert class times and
 * study days. The one time-zone check of the app (class forms, study
 * settings, the browser's zone at sign-in, lib/srs study days). UTC-offset
 * strings such as "+01:00" are refused, whether or not this runtime's `Intl` takes them: a class
 * or a student's day follows its region's daylight-saving rules, a fixed
 * offset does not.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "" || /^[+-]/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The spelling to store for a valid zone: the runtime's own spelling when it
 * differs only in case ("america/los_angeles" → "America/Los_Angeles"),
 * otherwise the name as given (aliases such as "Asia/Kolkata" are kept, not
 * swapped for the runtime's older canonical "Asia/Calcutta").
 */
export function canonicalTimeZone(timeZone: string): string {
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === timeZone.toLowerCase() ? resolved : timeZone;
}
