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
    if (d <= typoAllowance(f) && d < bestD) {
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
 * Whether `typed` is `form` with an ending added to one of its words
 * ("aliyeva" for "aliyev", "armenians" for "armenian"): that is another
 * word form — a feminine surname, a plural, a demonym — not a slip of the
 * keys, so it is never forgiven as a misspelling.
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
    if (b.length >= 3 && a.length > b.length && a.length - b.length <= 2 && a.startsWith(b)) extended = true;
    else return false;
  }
  return extended;
}
