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
/**
 * Hedges on a figure, by the direction they bound it. Longest phrases first
 * so "no more than" is not read as "more than".
 * - lower: the true figure is above (or at) the value ("more than 2,000", "over", "at least");
 * - upper: below (or at) it ("fewer than", "up to", "nearly", "almost");
 * - about: near it, either way ("about", "around", "some").
 */
const HEDGE_PHRASES: [string, NumberBound][] = (
  [
    ["no more than", "upper"], ["not more than", "upper"], ["no fewer than", "lower"], ["no less than", "lower"],
    ["not less than", "lower"], ["not fewer than", "lower"], ["in excess of", "lower"], ["upwards of", "lower"],
    ["just over", "lower"], ["just under", "upper"], ["more than", "lower"], ["fewer than", "upper"], ["less than", "upper"],
    ["at least", "lower"], ["at most", "upper"], ["up to", "upper"], ["as many as", "upper"], ["close to", "about"],
    ["over", "lower"], ["above", "lower"], ["under", "upper"], ["below", "upper"], ["nearly", "upper"], ["almost", "upper"],
    ["about", "about"], ["around", "about"], ["approximately", "about"], ["approx", "about"], ["roughly", "about"],
    ["some", "about"], ["circa", "about"], ["ca", "about"], ["exactly", "exact"], ["just", "about"],
  ] as [string, NumberBound][]
).sort((a, b) => b[0].length - a[0].length);
const HEDGES = new RegExp(`\\b(${HEDGE_PHRASES.map(([p]) => p.replace(/ /g, "\\s+")).join("|")})\\b`, "g");

/** How a figure is bounded: `none` when no hedge is given, `exact` for "exactly". */
export type NumberBound = "lower" | "upper" | "about" | "exact" | "none";

/**
 * The direction a figure's hedge bounds it: "more than 2,000", "over 2000",
 * "2,000+", "> 2000" → lower; "fewer than 2,000", "up to 1000", "< 2000" →
 * upper; "about 2,000" → about; "exactly 2,000" → exact; "2,000" → none. Two hedges that disagree
 * ("more than up to 2,000") are not a bound at all → null.
 */
export function numberBound(text: string): NumberBound | null {
  const found = new Set<NumberBound>();
  const raw = text.normalize("NFKC");
  if (/[>≥]|\d\s*\+|\+\s*$/.test(raw)) found.add("lower");
  if (/[<≤]/.test(raw)) found.add("upper");
  if (/[~≈]/.test(raw)) found.add("about");
  const t = normalizeAnswer(text);
  for (const m of t.matchAll(HEDGES)) {
    const phrase = m[0].replace(/\s+/g, " ");
    const hit = HEDGE_PHRASES.find(([p]) => p === phrase);
    if (hit) found.add(hit[1]);
  }
  // "just over" also matched "just" (about): the directed hedge wins.
  if (found.size > 1) found.delete("about");
  if (found.size > 1) return null;
  return [...found][0] ?? "none";
}

/**
 * Whether a typed figure's hedge agrees with the key's: the same direction,
 * none (the bare figure the source gives: "2,000" for "more than 2,000"),
 * or an "about" (neither way). A bound the other way round is wrong:
 * "fewer than 2,000" and "up to 2,000" do not say "more than 2,000"; nor does
 * a bound say a plain or approximate figure, nor "exactly" a bounded one.
 */
export function boundsAgree(key: NumberBound, given: NumberBound): boolean {
  if (given === "none" || given === "about") return true;
  if (given === "exact") return key === "exact" || key === "none";
  return given === key;
}

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
 * "2 thousand", "two thousand". Hedge words are ignored here (`numberBound`
 * reads their direction); anything else
 * (a second number, a stray word) makes the answer unreadable → null.
 * A trailing unit word that the caller names ("civilians") is allowed.
 */
export function parseNumberAnswer(text: string, unit?: string): number | null {
  let t = normalizeAnswer(text.replace(/[<>≤≥~≈+]/g, " ")).replace(HEDGES, " ");
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
