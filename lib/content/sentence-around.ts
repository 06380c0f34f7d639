import { locateQuote } from "./locate-quote";

/**
 * A sentence ends at `.`, `?` or `!` (and any closing quote or bracket after
 * it) followed by white space and then a capital letter, an opening quote or
 * a bracket — so "Oct. 22" and "MOSCOW, July 7. /TASS/." do not end one — or
 * at a paragraph break.
 */
const SENTENCE_END = /[.?!]["'”’)\]]*(?=\s+["'“‘[(]?\p{Lu})/gu;

/**
 * The whole sentence (or sentences) of `body` that contain `quote`, verbatim
 * from the article with its white space folded, or null when the quote is
 * not in the body. A quote that is already a full sentence comes back as it
 * is printed; a fragment ("Azerbaijan launched what it described as …")
 * comes back with the rest of its sentence, so the student reads the answer
 * in context.
 */
export function sentenceAround(body: string, quote: string): string | null {
  const at = locateQuote(body, quote);
  if (!at) return null;
  const paraStart = Math.max(body.lastIndexOf("\n\n", at.start), body.lastIndexOf("\n", at.start)) + 1;
  const nl = body.indexOf("\n", at.end);
  const paraEnd = nl < 0 ? body.length : nl;
  let start = paraStart;
  let end = paraEnd;
  for (const m of body.slice(paraStart, paraEnd).matchAll(SENTENCE_END)) {
    const stop = paraStart + m.index + m[0].length;
    if (stop <= at.start) start = stop;
    else if (stop >= at.end) {
      end = stop;
      break;
    }
  }
  return body.slice(start, end).replace(/\s+/g, " ").trim();
}
