/**
 * Quote comparison: the only differences tolerated between a quote in
 * `facts.yaml` and its article are white space (any run, including
 * non-breaking spaces and line breaks, counts as one space), typographic
 * quotes (‘ ’ → ', “ ” → ") and dashes (– — → -). Case, spelling and
 * punctuation otherwise must match exactly: a quote is verbatim or it is not.
 */

const CHAR_MAP: Readonly<Record<string, string>> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2013": "-",
  "\u2014": "-",
};

/** Normalised text plus, for each of its characters, the index of the original character it came from. */
export type NormalisedText = { text: string; map: number[] };

/**
 * Normalise `text` for quote comparison (see module comment), keeping a map
 * back to the original indices. Leading and trailing white space is dropped;
 * inner runs become a single space mapped to the first character of the run.
 */
export function normaliseWithMap(text: string): NormalisedText {
  let out = "";
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && out.length > 0) {
      out += " ";
      map.push(pendingSpace);
    }
    pendingSpace = -1;
    out += CHAR_MAP[ch] ?? ch;
    map.push(i);
  }
  return { text: out, map };
}

/** `text` normalised for quote comparison: white space folded, typographic quotes and dashes made plain. */
export function normaliseText(text: string): string {
  return normaliseWithMap(text).text;
}

/** True when `quote` occurs in `body` once both are normalised (see module comment). */
export function quoteAppearsIn(body: string, quote: string): boolean {
  const q = normaliseText(quote);
  return q.length > 0 && normaliseText(body).includes(q);
}
