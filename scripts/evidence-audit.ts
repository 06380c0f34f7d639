/**
 * Counts the questions and cards whose evidence does not state their answer
 * (`lib/generate/evidence-audit.ts`), over the whole bank for each seed, and
 * the cards whose article's outlet differs from the outlet of their fact's
 * first source (what the review screen used to show).
 *
 *   npx tsx scripts/evidence-audit.ts [--seeds 1,2,3] [--list]
 */
import { loadValidCorpus } from "@/lib/content/load";
import { generateCards } from "@/lib/generate/cards";
import { corpusIndexOf } from "@/lib/generate/corpus-cache";
import { cardEvidenceProblem, cardOutlet, questionEvidenceProblem } from "@/lib/generate/evidence-audit";
import { generate } from "@/lib/generate/generate";

const args = process.argv.slice(2);
const seedsArg = args[args.indexOf("--seeds") + 1];
const seeds = args.includes("--seeds") && seedsArg ? seedsArg.split(",").map(Number) : [1, 2, 3];
const list = args.includes("--list");
const corpus = loadValidCorpus("content");
const ix = corpusIndexOf(corpus);

const byType = new Map<string, { total: number; bad: number }>();
let total = 0;
let bad = 0;
for (const seed of seeds) {
  for (const q of generate(corpus, { seed }).questions) {
    const problem = questionEvidenceProblem(ix, q);
    const row = byType.get(q.type) ?? { total: 0, bad: 0 };
    row.total++;
    total++;
    if (problem) {
      row.bad++;
      bad++;
      if (list && seed === seeds[0]) console.log(`  question ${q.type} ${q.factIds.join(",")}: ${problem}`);
    }
    byType.set(q.type, row);
  }
}
const cards = generateCards(corpus);
let badCards = 0;
let wrongOutlet = 0;
for (const c of cards) {
  const problem = cardEvidenceProblem(ix, c);
  if (problem) {
    badCards++;
    if (list) console.log(`  card ${c.id}: ${problem}`);
  }
  const fact = ix.factById.get(c.factId);
  const firstOutlet = fact ? ix.sourceBySlug.get(fact.sources[0]?.source ?? "")?.outlet : undefined;
  if (firstOutlet !== cardOutlet(ix, c)) wrongOutlet++;
}
console.log(`questions (seeds ${seeds.join(",")}): ${bad} of ${total} have evidence that does not state their answer`);
for (const [t, r] of byType) console.log(`  ${t}: ${r.bad} of ${r.total}`);
console.log(`cards: ${badCards} of ${cards.length} have evidence that does not state their answer`);
console.log(`cards whose quote is from another outlet than their fact's first source (the old review screen named the wrong outlet on these): ${wrongOutlet}`);
