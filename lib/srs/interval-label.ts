const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = (365 / 12) * DAY;
const YEAR = 365 * DAY;

function oneDecimal(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/**
 * Anki's answer-button label for an interval (rslib `answer_button_time_collapsible`).
 *
 * Rule, on the interval in seconds `s`:
 * - the unit is the largest that fits: s < 60 → "s"; < 1 hour → "m";
 *   < 1 day → "h"; < 365/12 days → "d"; < 365 days → "mo"; else "y";
 * - seconds, minutes, hours and days are rounded to whole numbers ("4d");
 *   months and years keep one decimal, a trailing ".0" dropped ("3.2mo", "1y");
 * - an interval shorter than the learn-ahead limit gets a "<" prefix
 *   ("<1m", "<10m" with the default 20 minutes): the card may come back that
 *   much early;
 * - zero or negative is "now".
 */
export function intervalLabel(ms: number, learnAheadMinutes: number): string {
  const s = ms / 1000;
  if (!(s > 0)) return "now";
  let text: string;
  if (s < MINUTE) text = `${Math.round(s)}s`;
  else if (s < HOUR) text = `${Math.round(s / MINUTE)}m`;
  else if (s < DAY) text = `${Math.round(s / HOUR)}h`;
  else if (s < MONTH) text = `${Math.round(s / DAY)}d`;
  else if (s < YEAR) text = `${oneDecimal(s / MONTH)}mo`;
  else text = `${oneDecimal(s / YEAR)}y`;
  return s < learnAheadMinutes * MINUTE ? `<${text}` : text;
}
