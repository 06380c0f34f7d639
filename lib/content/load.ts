import type { Corpus } from "./schema";
import { CorpusInvalidError, type ContentProblem } from "./content-problem";
import { readCorpus } from "./read-corpus";
import { validateCorpus } from "./validate";

export { CorpusInvalidError, type ContentProblem } from "./content-problem";

/**
 * Load the corpus in `dir` (`sources/*.md`, `entities.yaml`, `facts.yaml`)
 * synchronously and check it. Returns what could be parsed together with
 * every problem found; an empty `problems` means the corpus is valid.
 */
export function loadCorpus(dir: string): { corpus: Corpus; problems: ContentProblem[] } {
  const read = readCorpus(dir);
  const checked = validateCorpus(read.raw);
  return { corpus: checked.corpus, problems: [...read.problems, ...checked.problems] };
}

/**
 * Load the corpus in `dir` and return it only if it has no problem at all;
 * otherwise throw `CorpusInvalidError` carrying every problem. This is what
 * the generator and the database seed use: they never see a half-valid corpus.
 */
export function loadValidCorpus(dir: string): Corpus {
  const { corpus, problems } = loadCorpus(dir);
  if (problems.length > 0) throw new CorpusInvalidError(problems);
  return corpus;
}
