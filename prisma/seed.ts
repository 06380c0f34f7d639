/**
 * `npm run db:seed`: loads content/ into the database named by DATABASE_URL.
 * Refuses an invalid corpus (every problem listed, nothing written) and is
 * idempotent: a second run with the same content writes nothing.
 */
import path from "node:path";
import { loadDecks } from "../lib/content/decks";
import { CorpusInvalidError, loadValidCorpus } from "../lib/content/load";
import { formatProblem } from "../lib/content/content-problem";
import { ensureDemoAccounts, ensureDemoClassroom, wantsDemoAccounts } from "../lib/auth/demo-accounts";
import { getDb, getDbProvider } from "../lib/db";
import { seedCorpus } from "../lib/data/seed-corpus";
import { generateCards } from "../lib/generate/cards";

export async function main(contentDir = path.resolve(__dirname, "..", "content")) {
  const corpus = loadValidCorpus(contentDir);
  const decks = loadDecks(contentDir);
  const cards = generateCards(corpus);
  const report = await seedCorpus({ corpus, cards, decks });
  if (!report.changed) {
    console.log(`seed: corpus unchanged (${report.hash.slice(0, 12)}), nothing written`);
  } else {
    const w = report.written;
    console.log(
      `seed: wrote ${w.sources} sources, ${w.entities} entities, ${w.facts} facts, ${w.cards} cards, ${w.decks} decks` +
        `; retired ${report.retired.facts} facts, ${report.retired.cards} cards (corpus ${report.hash.slice(0, 12)})`,
    );
  }
  if (wantsDemoAccounts(getDbProvider(), process.env.SEED_DEMO)) {
    const created = await ensureDemoAccounts();
    console.log(created ? `seed: created ${created} demo accounts (see README)` : "seed: demo accounts present");
    const demoClass = await ensureDemoClassroom();
    if (demoClass?.created || demoClass?.added) console.log(`seed: demo class ready (${demoClass.added} students added)`);
  }
  await getDb().$disconnect();
}

if (require.main === module) {
  main(process.argv[2]).catch(async (e: unknown) => {
    if (e instanceof CorpusInvalidError) {
      console.error(`seed: refused, the corpus has ${e.problems.length} problem(s); the database keeps its previous corpus:`);
      for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
    } else {
      console.error(`seed: ${(e as Error).message.split("\n").find(Boolean)}`);
      if (process.env.FACTDECK_DEBUG) console.error(e);
    }
    process.exit(1);
  });
}
