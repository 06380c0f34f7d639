import { getDb, type DbTx } from "../db";
import { corpusSummary } from "./corpus-summary";
import { factSchema } from "../content/schema";
import { cardStep } from "../generate/evidence";

/** A current (not retired) card of a deck, as the queue orders it. */
export type CachedMember = { cardId: string; position: number; factId: string; storyKey: string };

/** What the review screen shows of a card that does not depend on the student. */
export type CachedCard = {
  id: string;
  kind: string;
  front: string;
  back: string;
  quote: string;
  link: string;
  sourceSlug: string;
  retired: boolean;
  /** The outlet of the article the card quotes (its slug when the source is gone). */
  outlet: string;
  /** The step in words when the quote needs one (lib/generate `cardStep`). */
  step: string | null;
};

/** The static corpus as the review path reads it: decks, their members, cards, outlets. */
export type CachedCorpus = {
  key: string;
  /** In the decks' display order (`Deck.position`). */
  decks: Map<string, { title: string; members: CachedMember[]; memberIds: Set<string> }>;
  cards: Map<string, CachedCard>;
};

/**
 * The key the cache is valid for: the newest `CorpusVersion` row (its id and
 * `loadedAt`; `seedCorpus` writes or touches that row in the transaction that
 * changes decks, cards, facts or sources). Read as a scalar sub-select of a
 * statement the caller runs anyway (`studentDayRead`), so checking the cache
 * costs no statement of its own.
 */
export function corpusKey(maxId: unknown, maxLoadedAt: unknown): string {
  const at = maxLoadedAt instanceof Date ? maxLoadedAt.toISOString() : String(maxLoadedAt);
  return `${String(maxId)}|${at}`;
}

type Kept<T> = WeakMap<object, { key: string; value: Promise<T> }>;
/** Every per-client cache of this module, for `forgetCorpusCache`. */
const everyCache: Kept<unknown>[] = [];

function newCache<T>(): Kept<T> {
  const kept: Kept<T> = new WeakMap();
  everyCache.push(kept as Kept<unknown>);
  return kept;
}

/** `kept`'s value for this client when it was loaded for `key`, else `load()` kept in its place (a failed load is not kept). */
function keptFor<T>(kept: Kept<T>, db: DbTx, key: string, load: () => Promise<T>): Promise<T> {
  const hit = kept.get(db);
  if (hit && hit.key === key) return hit.value;
  const value = load();
  kept.set(db, { key, value });
  value.catch(() => {
    if (kept.get(db)?.value === value) kept.delete(db);
  });
  return value;
}

const corpusByClient = newCache<CachedCorpus>();

/**
 * The static corpus for this client, loaded once per corpus version (four
 * statements when the version changed, none otherwise). Kept per client
 * object, so each database (tests switch them) has its own. Only the seed
 * changes these rows; a process that edits them directly without a
 * `CorpusVersion` row (a test) calls `forgetCorpusCache`.
 */
export function cachedCorpus(key: string, db: DbTx): Promise<CachedCorpus> {
  return keptFor(corpusByClient, db, key, () => loadCorpus(key, db));
}

/** Drops the cached corpus of a client, and its `perCorpusVersion` reads (after editing decks, cards, facts or sources outside the seed). */
export function forgetCorpusCache(db: DbTx): void {
  for (const kept of everyCache) kept.delete(db);
}

async function loadCorpus(key: string, db: DbTx): Promise<CachedCorpus> {
  const [decks, members, cards, sources] = await Promise.all([
    db.deck.findMany({ select: { id: true, title: true }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.deckCard.findMany({ select: { deckId: true, cardId: true, position: true }, orderBy: [{ deckId: "asc" }, { position: "asc" }] }),
    db.card.findMany({ select: { id: true, kind: true, front: true, back: true, quote: true, link: true, sourceSlug: true, retired: true, factId: true, fact: { select: { sortKey: true, dataJson: true } } } }),
    db.source.findMany({ select: { slug: true, outlet: true } }),
  ]);
  const outlets = new Map(sources.map((s) => [s.slug, s.outlet]));
  const facts = new Map<string, ReturnType<typeof factSchema.parse>>();
  const cardMap = new Map<string, CachedCard>();
  const factOf = new Map<string, { factId: string; storyKey: string }>();
  for (const c of cards) {
    let fact = facts.get(c.factId);
    if (!fact) facts.set(c.factId, (fact = factSchema.parse(JSON.parse(c.fact.dataJson))));
    cardMap.set(c.id, {
      id: c.id,
      kind: c.kind,
      front: c.front,
      back: c.back,
      quote: c.quote,
      link: c.link,
      sourceSlug: c.sourceSlug,
      retired: c.retired,
      outlet: outlets.get(c.sourceSlug) ?? c.sourceSlug,
      step: cardStep(fact, c.id),
    });
    factOf.set(c.id, { factId: c.factId, storyKey: c.fact.sortKey });
  }
  const deckMap: CachedCorpus["decks"] = new Map(decks.map((d) => [d.id, { title: d.title, members: [], memberIds: new Set() }]));
  for (const m of members) {
    const card = cardMap.get(m.cardId);
    const deck = deckMap.get(m.deckId);
    if (!card || card.retired || !deck) continue;
    deck.members.push({ cardId: m.cardId, position: m.position, ...factOf.get(m.cardId)! });
    deck.memberIds.add(m.cardId);
  }
  return { key, decks: deckMap, cards: cardMap };
}

/** The corpus version key by itself: one statement (`corpusKey` of the newest `CorpusVersion`). */
export async function readCorpusKey(db: DbTx): Promise<string> {
  const [row] = await db.$queryRaw<{ id: unknown; at: unknown }[]>`SELECT MAX("id") AS "id", MAX("loadedAt") AS "at" FROM "CorpusVersion"`;
  return corpusKey(row?.id ?? null, row?.at ?? null);
}

/**
 * A read of the static corpus kept per corpus version and client: `load` runs
 * once per version (a failed load is not kept), and every later call costs
 * one statement, `readCorpusKey`. For reads that depend on the corpus alone.
 */
export function perCorpusVersion<T>(load: (db: DbTx) => Promise<T>): (db?: DbTx) => Promise<T> {
  const kept = newCache<T>();
  return async (db: DbTx = getDb()) => keptFor(kept, db, await readCorpusKey(db), () => load(db));
}

/** The home page's counts and source list (lib/data `corpusSummary`), kept per corpus version: one statement per request instead of four. */
export const cachedCorpusSummary: (db?: DbTx) => ReturnType<typeof corpusSummary> = perCorpusVersion((db) => corpusSummary(db));
