/**
 * Benchmark: the full question bank plus all cards for the corpus.
 *
 *   npm run bench:generate -- [--content <dir>] [--runs <n>]
 *
 * Prints the median of N runs after warm-up, a baseline measured in the same
 * process (structuredClone of the corpus — the cost of merely touching the
 * data), and their ratio. Each run uses a fresh clone so the per-corpus
 * index cache does not flatter the result. Target: under 50 ms.
 */
import { performance } from "node:perf_hooks";
import { loadValidCorpus } from "@/lib/content/load";
import { generateCards } from "@/lib/generate/cards";
import { generate } from "@/lib/generate/generate";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const dir = arg("content", "content");
const runs = Math.max(3, Number(arg("runs", "21")));
const corpus = loadValidCorpus(dir);

function timeIt(fn: () => void): number[] {
  for (let i = 0; i < 5; i++) fn();
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
