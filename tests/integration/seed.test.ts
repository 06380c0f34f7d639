import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadDecks } from "../../lib/content/decks";
import { loadValidCorpus } from "../../lib/content/load";
import type { Corpus } from "../../lib/content/schema";
import type { Db } from "../../lib/db";
import { seedCorpus, type SeedInput } from "../../lib/data/seed-corpus";
import { generateCards } from "../../lib/generate/cards";
import { availableProviders, testDb, type TestDb } from "./helpers/test-db";

let real: SeedInput;
beforeAll(() => {
  const corpus = loadValidCorpus("content");
  real = { corpus, cards: generateCards(corpus), decks: loadDecks("content") };
});

/** Every row of every corpus table, in a stable order: what "changes nothing" is checked against. */
async function dump(db: Db) {
  return {
    sources: await db.source.findMany({ orderBy: { slug: "asc" } }),
    entities: await db.entity.findMany({ orderBy: { id: "asc" } }),
    facts: await db.fact.findMany({ orderBy: { id: "asc" } }),
    quotes: await db.factSource.findMany({ orderBy: [{ factId: "asc" }, { position: "asc" }] }),
    cards: await db.card.findMany({ orderBy: { id: "asc" } }),
    decks: await db.deck.findMany({ orderBy: { id: "asc" } }),
    deckCards: await db.deckCard.findMany({ orderBy: [{ deckId: "asc" }, { cardId: "asc" }] }),
    versions: await db.corpusVersion.findMany({ orderBy: { id: "asc" } }),
  };
}

function edited(input: SeedInput, edit: (c: Corpus) => Corpus): SeedInput {
  const corpus = edit(structuredClone(input.corpus));
  return { corpus, cards: generateCards(corpus), decks: input.decks };
}

describe.each(availableProviders())("seed on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("loads the whole corpus, and a second run changes nothing", async () => {
    t = await testDb(provider);
    const first = await seedCorpus(real, t.db);
    expect(first.changed).toBe(true);
    expect(first.written).toMatchObject({ sources: 5, facts: real.corpus.facts.length, cards: real.cards.length, decks: real.decks.length });
    expect(await t.db.fact.count()).toBe(real.corpus.facts.length);
    expect(await t.db.factSource.count()).toBe(real.corpus.facts.reduce((n, f) => n + f.sources.length, 0));
    const everything = await t.db.deckCard.count({ where: { deckId: "everything" } });
    expect(everything).toBe(real.cards.length);

    const before = await dump(t.db);
    const second = await seedCorpus(real, t.db);
    expect(second.changed).toBe(false);
    expect(await dump(t.db)).toEqual(before);
  });

  it("updates an edited corpus in place: changed rows rewritten, removed facts retired with their cards, the rest untouched", async () => {
    t = await testDb(provider);
    await seedCorpus(real, t.db);
    const before = await dump(t.db);
    const [changedFact, removedFact] = [real.corpus.facts[0]!, real.corpus.facts[1]!];
    const next = edited(real, (c) => ({
      ...c,
      facts: c.facts
        .filter((f) => f.id !== removedFact.id)
        .map((f) => (f.id === changedFact.id ? { ...f, statement: `${f.statement} (reworded)` } : f)),
    }));

    const report = await seedCorpus(next, t.db);
    expect(report.changed).toBe(true);
    expect(report.written.facts).toBe(1);
    expect(report.retired.facts).toBe(1);
    const removedCards = real.cards.filter((c) => c.factId === removedFact.id).length;
    expect(report.retired.cards).toBe(removedCards);

    const after = await dump(t.db);
    expect(after.facts.find((f) => f.id === changedFact.id)?.statement).toMatch(/\(reworded\)$/);
    const retired = after.facts.find((f) => f.id === removedFact.id);
    expect(retired?.retired).toBe(true);
    expect(after.cards.filter((c) => c.factId === removedFact.id).every((c) => c.retired)).toBe(true);
    // Untouched facts keep their rows exactly (same updatedAt): progress keyed on them is safe.
    const untouched = (rows: typeof after.facts) => rows.filter((f) => f.id !== changedFact.id && f.id !== removedFact.id);
    expect(untouched(after.facts)).toEqual(untouched(before.facts));
    expect(after.cards.map((c) => c.id)).toEqual(before.cards.map((c) => c.id));

    // Bringing the fact back un-retires it and its cards.
    const back = await seedCorpus(real, t.db);
    expect(back.changed).toBe(true);
    expect((await t.db.fact.findUnique({ where: { id: removedFact.id } }))?.retired).toBe(false);
    expect(await t.db.card.count({ where: { retired: true } })).toBe(0);
  });

  it("refuses a broken corpus from the command line and leaves the database as it was", async () => {
    t = await testDb(provider);
    await seedCorpus(real, t.db);
    const before = await dump(t.db);
    const broken = path.join("tests", "fixtures", "content", "many-problems");
    const res = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts", broken], {
      env: { ...process.env, DATABASE_URL: t.target.url },
      encoding: "utf8",
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/seed: refused, the corpus has \d+ problem\(s\); the database keeps its previous corpus/);
    expect(res.stderr.split("\n").filter((l) => l.startsWith("  ")).length).toBeGreaterThan(1);
    expect(await dump(t.db)).toEqual(before);
  });
});
