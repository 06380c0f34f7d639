import { distance } from "fastest-levenshtein";

/**
 * How many edits a typed word or name may be away from the form it means,
 * scaled to that form's length (letters and digits, spaces not counted):
 * none up to 4 characters ("Baku", "Jan", "OSCE" must be exact), one up to
 * 8 ("Karabagh", "Septmber", "Aliyv"), two from 9 ("Pashinian" is one away;
 * "Azerbaijani government" may lose two letters). Short words get none
 * because one edit there already makes another word ("Baku"/"Bako",
 * "June"/"Jane").
 */
export function typoAllowance(form: string): number {
  const len = form.replace(/[^\p{L}\p{N}]/gu, "").length;
  if (len <= 4) return 0;
  if (len <= 8) return 1;
  return 2;
}

/** Levenshtein distance (insertions, deletions, substitutions), from `fastest-levenshtein`. */
export function editDistance(a: string, b: string): number {
  return distance(a, b);
}

/**
 * The form `typed` is a misspelling of, or null: the nearest of `intended`
 * within that form's `typoAllowance`, provided no form in `others` (other
 * things the student could mean: other corpus entities, other month names)
 * is as near or nearer. All strings must already be normalised alike.
 *
 * So a typo is forgiven only when it can mean one thing: "karabagh" →
 * "karabakh", but never a word that is as close to another entity's name
 * as to the key's (and never another entity's exact name).
 */
export function typoOf(typed: string, intended: readonly string[], others: readonly string[]): string | null {
  if (!typed) return null;
  let best: string | null = null;
  let bestD = Infinity;
  for (const f of intended) {
    if (!f) continue;
    const d = editDistance(typed, f);
    if (d <= typoAllowance(f) && d < bestD && wordsAllowTypo(typed, f)) {
      best = f;
      bestD = d;
    }
  }
  if (best === null) return null;
  if (intended.some((f) => f && changesWordForm(typed, f))) return null;
  for (const o of others) if (o && editDistance(typed, o) <= bestD) return null;
  return best;
}

/**
 * Words that name an institution or an office-holder: one of them typed
 * where the form has another is a different answer, never a slip
 * ("foreign minister" is not "foreign ministry", "the Russian minister" is
 * not "the Russian ministry").
 */
const ROLE_WORDS = new Set([
  "minister", "ministers", "ministry", "ministries", "president", "presidents", "presidency", "presidential",
  "government", "governments", "governor", "command", "commander", "commanders", "office", "officer", "officers",
  "official", "officials", "spokesman", "spokeswoman", "army", "armies", "force", "forces", "embassy", "ambassador",
  "state", "states", "parliament", "council", "party", "parties", "leader", "leaders", "side", "sides",
]);

/**
 * Whether `typed` may be a misspelling of `form` word by word: when both
 * have the same number of words, each typed word is within its own word's
 * `typoAllowance` (so a short word must be exact: "Wang Li" is not "Wang
 * Yi"), and no word is swapped for another institution or office word
 * (`ROLE_WORDS`). A different word count (a space lost or added) is judged
 * on the whole string only.
 */
function wordsAllowTypo(typed: string, form: string): boolean {
  const t = typed.split(/\s+/).filter(Boolean);
  const f = form.split(/\s+/).filter(Boolean);
  if (t.length !== f.length) return true;
  for (let i = 0; i < t.length; i++) {
    const a = t[i] ?? "";
    const b = f[i] ?? "";
    if (a === b) continue;
    if (ROLE_WORDS.has(a)) return false;
    if (!swapsTwoLetters(a, b) && editDistance(a, b) > typoAllowance(b)) return false;
  }
  return true;
}

/** Whether `a` is `b` with two neighbouring letters swapped ("minsitry" for "ministry"): one slip of the keys. */
function swapsTwoLetters(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 5) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** Endings that make another word form (plural, feminine, demonym, possessive), not a slip: "-s", "-a", "-i", "-n"... */
const WORD_ENDINGS = new Set(["s", "es", "a", "i", "is", "n", "ns", "an", "ans", "e", "ese", "ish"]);

/**
 * Whether `typed` is `form` with an ending added to one of its words
 * ("aliyeva" for "aliyev", "armenians" for "armenian"): that is another
 * word form — a feminine surname, a plural, a demonym — not a slip of the
 * keys, so it is never forgiven as a misspelling. Only inflection endings
 * (`WORD_ENDINGS`) count: "dmitriy" for "dmitri" is a transliteration,
 * forgiven like any typo.
 */
export function changesWordForm(typed: string, form: string): boolean {
  const t = typed.split(/\s+/).filter(Boolean);
  const f = form.split(/\s+/).filter(Boolean);
  if (t.length !== f.length) return false;
  let extended = false;
  for (let i = 0; i < t.length; i++) {
    const a = t[i] ?? "";
    const b = f[i] ?? "";
    if (a === b) continue;
    if (b.length >= 3 && a.startsWith(b) && WORD_ENDINGS.has(a.slice(b.length))) extended = true;
    else return false;
  }
  return extended;
}
