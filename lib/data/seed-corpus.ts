import crypto from "node:crypto";
import { getDb, type Db, type DbTx } from "../db";
import type { Corpus, Fact, Source } from "../content/schema";
import type { DeckDefinition } from "../content/decks";
import { factsOfDeck } from "../content/decks";
import { locateQuote } from "../content/locate-quote";
import { whenSortKey } from "../content/when";
import type { Card } from "../generate/card";

export type SeedInput = { corpus: Corpus; cards: Card[]; decks: DeckDefinition[] };

export type SeedReport = {
  changed: boolean;
  hash: string;
  written: Record<"sources" | "entities" | "facts" | "cards" | "decks", number>;
  retired: { facts: number; cards: number };
  removed: { sources: number; entities: number };
};

const sha = (value: unknown) => crypto.createHash("sha256").update(JSON.stringify(value)).digest("hex");

function sourceRow(s: Source) {
  return {
    outlet: s.outlet,
    via: s.via ?? null,
    headline: s.headline,
    datePrinted: s.datePrinted,
    publishedDate: s.published.date,
    publishedPrecision: s.published.precision,
    publishedInferred: s.published.inferred,
    publishedReason: s.published.reason ?? null,
    dateline: s.dateline ?? null,
    removedJson: JSON.stringify(s.removed),
    body: s.body,
  };
}

function factRow(f: Fact) {
  return {
    statement: f.statement,
    label: f.label,
    kind: f.kind,
    whenDate: f.when?.date ?? null,
    whenPrecision: f.when?.precision ?? null,
    whenInferred: f.when?.inferred ?? false,
    sortKey: f.when ? whenSortKey(f.when) : "9999",
    contested: f.contested,
    attributed: Boolean(f.attribution),
    dataJson: JSON.stringify(f),
  };
}

function cardRow(c: Card) {
  return { factId: c.factId, kind: c.kind, front: c.front, back: c.back, sourceSlug: c.source.slug, quote: c.source.quote, link: c.link };
}

/**
 * Loads a validated corpus, its cards and decks into the database so that
 * running it again with the same input writes nothing, and an edited corpus
 * is updated in place:
 * - a row is written only when its content hash changed;
 * - facts and cards that left the corpus are retired, never deleted, so
 *   students' progress on them (keyed by stable ids) is kept; they come back
 *   if the content brings them back;
 * - everything happens in one transaction: a failure leaves the previous corpus.
 * The input must already be validated (lib/content `loadValidCorpus`).
 */
export async function seedCorpus(input: SeedInput, db: Db = getDb()): Promise<SeedReport> {
  const hash = sha(input);
  const report: SeedReport = {
    changed: false,
    hash,
    written: { sources: 0, entities: 0, facts: 0, cards: 0, decks: 0 },
    retired: { facts: 0, cards: 0 },
    removed: { sources: 0, entities: 0 },
  };
  const latest = await db.corpusVersion.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  if (latest?.hash === hash) return report;

  await db.$transaction(
    async (tx) => {
      await writeSources(input.corpus.sources, report, tx);
      await writeEntities(input.corpus, report, tx);
      await writeFacts(input.corpus, report, tx);
      await writeCards(input.cards, report, tx);
      await writeDecks(input, report, tx);
      await tx.corpusVersion.upsert({
        where: { hash },
        create: { hash, facts: input.corpus.facts.length, sources: input.corpus.sources.length, cards: input.cards.length },
        update: { loadedAt: new Date() },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  report.changed = true;
  return report;
}

async function writeSources(sources: Source[], report: SeedReport, tx: DbTx) {
  const have = new Map((await tx.source.findMany({ select: { slug: true, contentHash: true } })).map((r) => [r.slug, r.contentHash]));
  for (const s of sources) {
    const data = sourceRow(s);
    const contentHash = sha(data);
    if (have.get(s.slug) === contentHash) continue;
    await tx.source.upsert({ where: { slug: s.slug }, create: { slug: s.slug, ...data, contentHash }, update: { ...data, contentHash } });
    report.written.sources++;
  }
  const gone = [...have.keys()].filter((slug) => !sources.some((s) => s.slug === slug));
  if (gone.length) report.removed.sources = (await tx.source.deleteMany({ where: { slug: { in: gone } } })).count;
}

async function writeEntities(corpus: Corpus, report: SeedReport, tx: DbTx) {
  const have = new Map((await tx.entity.findMany({ select: { id: true, contentHash: true } })).map((r) => [r.id, r.contentHash]));
  for (const e of corpus.entities) {
    const data = {
      type: e.type,
      name: e.name,
      aliasesJson: JSON.stringify(e.aliases),
      category: e.category ?? null,
      rolesJson: JSON.stringify(e.roles),
      partOf: e.partOf ?? null,
    };
    const contentHash = sha(data);
    if (have.get(e.id) === contentHash) continue;
    await tx.entity.upsert({ where: { id: e.id }, create: { id: e.id, ...data, contentHash }, update: { ...data, contentHash } });
    report.written.entities++;
  }
  const gone = [...have.keys()].filter((id) => !corpus.entities.some((e) => e.id === id));
  if (gone.length) report.removed.entities = (await tx.entity.deleteMany({ where: { id: { in: gone } } })).count;
}

async function writeFacts(corpus: Corpus, report: SeedReport, tx: DbTx) {
  const bodies = new Map(corpus.sources.map((s) => [s.slug, s.body]));
  const have = new Map((await tx.fact.findMany({ select: { id: true, contentHash: true, retired: true } })).map((r) => [r.id, r]));
  for (const f of corpus.facts) {
    const data = factRow(f);
    const quotes = f.sources.map((ref, position) => {
      const at = locateQuote(bodies.get(ref.source) ?? "", ref.quote);
      if (!at) throw new Error(`fact ${f.id}: quote not found in ${ref.source} (the corpus must be validated first)`);
      return { sourceSlug: ref.source, position, quote: ref.quote, start: at.start, end: at.end };
    });
    const contentHash = sha({ data, quotes });
    const prev = have.get(f.id);
    if (prev && prev.contentHash === contentHash && !prev.retired) continue;
    await tx.fact.upsert({ where: { id: f.id }, create: { id: f.id, ...data, contentHash }, update: { ...data, contentHash, retired: false } });
    await tx.factSource.deleteMany({ where: { factId: f.id } });
    await tx.factSource.createMany({ data: quotes.map((q) => ({ factId: f.id, ...q })) });
    report.written.facts++;
  }
  const present = new Set(corpus.facts.map((f) => f.id));
  const retire = [...have.values()].filter((r) => !r.retired && !present.has(r.id)).map((r) => r.id);
  if (retire.length) report.retired.facts = (await tx.fact.updateMany({ where: { id: { in: retire } }, data: { retired: true } })).count;
}

async function writeCards(cards: Card[], report: SeedReport, tx: DbTx) {
  const have = new Map((await tx.card.findMany({ select: { id: true, contentHash: true, retired: true } })).map((r) => [r.id, r]));
  for (const c of cards) {
    const data = cardRow(c);
    const contentHash = sha(data);
    const prev = have.get(c.id);
    if (prev && prev.contentHash === contentHash && !prev.retired) continue;
    await tx.card.upsert({ where: { id: c.id }, create: { id: c.id, ...data, contentHash }, update: { ...data, contentHash, retired: false } });
    report.written.cards++;
  }
  const present = new Set(cards.map((c) => c.id));
  const retire = [...have.values()].filter((r) => !r.retired && !present.has(r.id)).map((r) => r.id);
  if (retire.length) report.retired.cards = (await tx.card.updateMany({ where: { id: { in: retire } }, data: { retired: true } })).count;
}

async function writeDecks(input: SeedInput, report: SeedReport, tx: DbTx) {
  const have = new Map((await tx.deck.findMany({ select: { id: true, contentHash: true } })).map((r) => [r.id, r.contentHash]));
  for (const [position, deck] of input.decks.entries()) {
    const factIds = new Set(factsOfDeck(deck, input.corpus.facts).map((f) => f.id));
    const cardIds = input.cards.filter((c) => factIds.has(c.factId)).map((c) => c.id);
    const data = { title: deck.title, description: deck.description, position };
    const contentHash = sha({ data, cardIds });
    if (have.get(deck.id) === contentHash) continue;
    await tx.deck.upsert({ where: { id: deck.id }, create: { id: deck.id, ...data, contentHash }, update: { ...data, contentHash } });
    await tx.deckCard.deleteMany({ where: { deckId: deck.id } });
    await tx.deckCard.createMany({ data: cardIds.map((cardId, i) => ({ deckId: deck.id, cardId, position: i })) });
    report.written.decks++;
  }
}
