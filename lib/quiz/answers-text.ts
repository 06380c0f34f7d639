/**
 * Lenient comparison of typed text answers: names, places and numbers.
 *
 * Rule: two answers are the same when they agree after folding case,
 * diacritics, punctuation, apostrophes, a leading article and thousands
 * separators ("Aliyev" = "aliyev", "Nagorno–Karabakh" = "nagorno karabakh",
 * "2,000" = "2000"). Aliases are not handled here: the question lists every
 * accepted form.
 */
const normalized = new Map<string, string>();

export function normalizeAnswer(text: string): string {
  const hit = normalized.get(text);
  if (hit !== undefined) return hit;
  const out = fold(text);
  if (normalized.size > 50_000) normalized.clear();
  normalized.set(text, out);
  return out;
}

function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/(\d)[,\u00a0\u202f\u2009 ](?=\d{3}(?!\d))/g, "$1")
    .replace(/['’‘`ʼ]/g, "")
    .replace(/[^\p{L}\p{N}.]+/gu, " ")
    .replace(/(?<!\d)\.|\.(?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(the|a|an) /, "");
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, a: 1,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
/** Hedges a student may copy from the printed figure; they do not change the value. */
const HEDGES = /\b(more than|over|about|around|approximately|roughly|nearly|almost|at least|at most|up to|fewer than|less than|some|just)\b/g;

function parseNumberWords(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === "and") continue;
    const digit = /^\d+(\.\d+)?$/.test(w) ? Number(w) : undefined;
    const small = digit ?? SMALL[w];
    if (small !== undefined) {
      current += small;
      seen = true;
      continue;
    }
    const scale = SCALE[w];
    if (scale === undefined) return null;
    if (!seen) current = 1;
    if (scale === 100) current *= 100;
    else {
      total += current * scale;
      current = 0;
    }
    seen = true;
  }
  return seen ? total + current : null;
}

/**
 * The numeric value of a typed number: "2000", "2,000", "more than 2,000",
 * "2 thousand", "two thousand". Hedge words are ignored; anything else
 * (a second number, a stray word) makes the answer unreadable → null.
 * A trailing unit word that the caller names ("civilians") is allowed.
 */
export function parseNumberAnswer(text: string, unit?: string): number | null {
  let t = normalizeAnswer(text).replace(HEDGES, " ");
  if (unit) {
    const u = normalizeAnswer(unit);
    if (u) t = t.replace(new RegExp(`\\b${u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g"), " ");
  }
  const words = t.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return parseNumberWords(words);
}

/** "2000" → "2,000": the form the generator prints, independent of locale. */
export function formatNumber(value: number): string {
  const [int, frac] = String(Math.abs(value)).split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}
