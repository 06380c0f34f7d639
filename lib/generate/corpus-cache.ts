import type { Corpus } from "@/lib/content/schema";
import { type CorpusIndex, indexCorpus } from "./corpus-index";

const cache = new WeakMap<Corpus, CorpusIndex>();

/** The index of a corpus object, built once per object (corpora are treated as immutable). */
export function corpusIndexOf(corpus: Corpus): CorpusIndex {
  let ix = cache.get(corpus);
  if (!ix) {
    ix = indexCorpus(corpus);
    cache.set(corpus, ix);
  }
  return ix;
}
