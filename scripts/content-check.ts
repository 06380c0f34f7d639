/**
 * Check the content corpus: `npx tsx scripts/content-check.ts [dir]` (default
 * `content`). Prints every problem as `file: id: message` and exits 1, or a
 * one-line summary of the corpus and exits 0.
 */
import { loadCorpus } from "../lib/content/load";
import { formatProblem } from "../lib/content/content-problem";

const dir = process.argv[2] ?? "content";
const { corpus, problems } = loadCorpus(dir);

if (problems.length > 0) {
  for (const p of problems) console.log(formatProblem(p));
  console.log(`\n${problems.length} problem(s) in ${dir}`);
  process.exit(1);
}

const { sources, entities, facts, excluded } = corpus;
const counts = [
  `${sources.length} sources`,
  `${entities.length} entities`,
  `${facts.length} facts`,
  `${facts.filter((f) => f.when?.inferred).length} inferred-date facts`,
  `${facts.filter((f) => f.contested).length} contested facts`,
  `${facts.filter((f) => f.attribution).length} attributed facts`,
  `${excluded.length} excluded statements`,
];
console.log(`content OK (${dir}): ${counts.join(", ")}`);
