/**
 * Print the validated corpus as one JSON document
 * `{ sources, entities, facts, excluded }` on stdout:
 * `npx tsx scripts/content-export.ts [dir]` (default `content`).
 * If the corpus has any problem, prints them on stderr and exits 1.
 */
import { loadCorpus } from "../lib/content/load";
import { formatProblem } from "../lib/content/content-problem";

const dir = process.argv[2] ?? "content";
const { corpus, problems } = loadCorpus(dir);

if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}

const { sources, entities, facts, excluded } = corpus;
process.stdout.write(`${JSON.stringify({ sources, entities, facts, excluded }, null, 2)}\n`);
