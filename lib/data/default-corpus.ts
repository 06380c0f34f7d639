import { loadValidCorpus } from "../content/load";
import type { Corpus } from "../content/schema";

let cached: Corpus | undefined;

/**
 * The corpus in `content/`, loaded and validated once per process: it
 * changes only with a deploy and a seed. The one corpus cache — quiz
 * generation, assignment capacity and assignment questions all read it.
 */
export function defaultCorpus(): Corpus {
  cached ??= loadValidCorpus("content");
  return cached;
}
