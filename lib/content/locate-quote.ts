import { normaliseWithMap } from "./normalise";

/**
 * Where `quote` sits in `body`, as a half-open character range of the
 * ORIGINAL body (`body.slice(start, end)` is the passage to highlight), or
 * null when it is not there. Matching is tolerant exactly as quote checking
 * is: white space folded, typographic quotes and dashes made plain. The first
 * occurrence wins.
 */
export function locateQuote(body: string, quote: string): { start: number; end: number } | null {
  const q = normaliseWithMap(quote).text;
  if (q.length === 0) return null;
  const b = normaliseWithMap(body);
  const at = b.text.indexOf(q);
  if (at < 0) return null;
  const start = b.map[at];
  const last = b.map[at + q.length - 1];
  if (start === undefined || last === undefined) return null;
  return { start, end: last + 1 };
}
