import { contentWords } from "@/lib/content/evidence";
import type { CorpusIndex } from "./corpus-index";
import { quoteCitation, sentenceOf } from "./evidence";
import type { Citation, Question } from "./question";

const SINGLE_FACT = new Set<Question["type"]>(["multiple-choice", "true-false", "typed-date", "short-answer", "according-to-whom"]);

/**
 * The evidence of a question covers its stem too: when the sentence that
 * states the answer does not say what the stem uses to name the event ("the
 * meeting at which Putin said …": RT's "… Putin said on Wednesday." has the
 * day, the next sentence the meeting with Wang Yi), the fact's sentence that
 * says it is cited after it. Added only when that sentence brings two or
 * more of the stem's words no cited sentence has; at most one is added.
 */
export function withStemSupport(ix: CorpusIndex, q: Question): Question {
  if (!SINGLE_FACT.has(q.type) || q.factIds.length !== 1) return q;
  const fact = ix.factById.get(q.factIds[0]!);
  if (!fact || fact.sources.length < 2) return q;
  const stem = contentWords(q.prompt);
  const covered = new Set<string>();
  for (const c of q.sources) for (const w of wordsOf(ix, c.quote)) covered.add(w);
  let best: { citation: Citation; gain: number } | null = null;
  fact.sources.forEach((_, i) => {
    const sentence = sentenceOf(ix, fact, i);
    if (q.sources.some((c) => c.quote === sentence)) return;
    const words = wordsOf(ix, sentence);
    let gain = 0;
    for (const w of stem) if (!covered.has(w) && words.has(w)) gain++;
    if (gain >= 2 && (!best || gain > best.gain)) best = { citation: { ...quoteCitation(ix, fact, i), quote: sentence }, gain };
  });
  if (!best) return q;
  const { citation } = best as { citation: Citation; gain: number };
  return {
    ...q,
    sources: [...q.sources, citation],
    explanation: `${q.explanation}\nThe event in the question: “${citation.quote}” — ${citation.outlet ?? citation.slug}.`,
  };
}

/** A sentence's content words, memoised on the corpus index (banks cite the same few hundred sentences). */
function wordsOf(ix: CorpusIndex, text: string): Set<string> {
  const key = `stem-support\u0000${text}`;
  const hit = ix.memo.get(key) as Set<string> | undefined;
  if (hit) return hit;
  const words = contentWords(text);
  ix.memo.set(key, words);
  return words;
}

