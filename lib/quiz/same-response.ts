/**
 * Whether two answers to one question are the same response, as JSON values:
 * equal strings, numbers and booleans, arrays equal item by item in order,
 * objects with the same keys (in any order) and equal values. A blank typed
 * answer (white space only) is the same as "", as it is stored.
 *
 * Used to tell a resent answer (the first reply was lost on the way) from a
 * second, different answer to the same question.
 */
export function sameResponse(a: unknown, b: unknown): boolean {
  return deepEqual(blankToEmpty(a), blankToEmpty(b));
}

function blankToEmpty(v: unknown): unknown {
  return typeof v === "string" && v.trim() === "" ? "" : v;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
