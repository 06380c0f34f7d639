/**
 * Benchmark: the full question bank plus all cards for the corpus.
 *
 *   npm run bench:generate -- [--content <dir>] [--runs <n>] [--smoke]
 *
 * Prints the median of N runs after warm-up, a baseline measured in the same
 * process (structuredClone of the corpus — the cost of merely touching the
 * data), and their ratio. Each run uses a fresh clone so the per-corpus
 * index cache does not flatter the result. Target: under 50 ms.
 * `--smoke`: 3 runs after one warm-up, exit 1 if the bank or the cards come out empty.
 */
import { performance } from "node:perf_hooks";
import { loadValidCorpus } from "@/lib/content/load";
import { generateCards } from "@/lib/generate/cards";
import { generate } from "@/lib/generate/generate";
import { arg, flag } from "../shared/args";
import { median } from "../shared/percentiles";

const dir = arg("content", "content");
const runs = Math.max(3, Number(arg("runs", "21", "3")));
const warmups = flag("smoke") ? 1 : 5;
const corpus = loadValidCorpus(dir);

function timeIt(fn: () => void): number[] {
  for (let i = 0; i < warmups; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

let questions = 0;
let cards = 0;
const baseline = timeIt(() => void structuredClone(corpus));
const full = timeIt(() => {
  const c = structuredClone(corpus);
  questions = generate(c, { seed: 1 }).questions.length;
  cards = generateCards(c).length;
});
const b = median(baseline);
const f = median(full);
console.log(`corpus: ${corpus.facts.length} facts, ${corpus.entities.length} entities, ${corpus.sources.length} sources`);
console.log(`bank: ${questions} questions, ${cards} cards`);
console.log(`baseline (structuredClone corpus): median ${b.toFixed(2)} ms over ${runs} runs`);
console.log(`full bank + cards (incl. clone):   median ${f.toFixed(2)} ms over ${runs} runs (min ${Math.min(...full).toFixed(2)}, max ${Math.max(...full).toFixed(2)})`);
console.log(`ratio full/baseline: ${(f / b).toFixed(1)}x; target < 50 ms: ${f < 50 ? "met" : "NOT met"}`);
if (questions === 0 || cards === 0) {
  console.error("bench-generate: the bank or the cards came out empty");
  process.exitCode = 1;
}
