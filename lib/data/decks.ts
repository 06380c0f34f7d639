import { getDb, type DbTx } from "../db";
import type { Corpus } from "../content/schema";
import { cachedCorpus, readCorpusKey } from "./corpus-cache";

/** A deck as pages list it: with how many current (not retired) cards it holds. */
export type DeckSummary = { id: string; title: string; description: string; cardCount: number };

/** Decks in their display order, with how many current cards each holds (from the corpus cache: one statement, its version). */
export async function listDecks(db: DbTx = getDb()): Promise<DeckSummary[]> {
  const corpus = await cachedCorpus(await readCorpusKey(db), db);
  return [...corpus.decks].map(([id, d]) => ({ id, title: d.title, description: d.description, cardCount: d.members.length }));
}

/** One deck, or null (from the corpus cache, as `listDecks`). */
export async function getDeck(deckId: string, db: DbTx = getDb()): Promise<DeckSummary | null> {
  const d = (await cachedCorpus(await readCorpusKey(db), db)).decks.get(deckId);
  return d ? { id: deckId, title: d.title, description: d.description, cardCount: d.members.length } : null;
}

/** The deck's current facts, in corpus order. */
export async function deckFactIds(deckId: string, corpus: Corpus, db: DbTx = getDb()): Promise<string[]> {
  const cards = await db.deckCard.findMany({ where: { deckId, card: { retired: false } }, select: { card: { select: { factId: true } } } });
  const inDeck = new Set(cards.map((c) => c.card.factId));
  return corpus.facts.filter((f) => inDeck.has(f.id)).map((f) => f.id);
}
