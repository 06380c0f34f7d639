import { getDb, type DbTx } from "../db";
import type { Corpus } from "../content/schema";

/** Decks in their display order, with how many current cards each holds. */
export async function listDecks(db: DbTx = getDb()) {
  const decks = await db.deck.findMany({
    select: { id: true, title: true, description: true, _count: { select: { cards: { where: { card: { retired: false } } } } } },
    orderBy: { position: "asc" },
  });
  return decks.map(({ _count, ...d }) => ({ ...d, cardCount: _count.cards }));
}

/** One deck, or null. */
export async function getDeck(deckId: string, db: DbTx = getDb()) {
  const deck = await db.deck.findUnique({
    where: { id: deckId },
    select: { id: true, title: true, description: true, _count: { select: { cards: { where: { card: { retired: false } } } } } },
  });
  if (!deck) return null;
  const { _count, ...rest } = deck;
  return { ...rest, cardCount: _count.cards };
}

/** The deck's current facts, in corpus order. */
export async function deckFactIds(deckId: string, corpus: Corpus, db: DbTx = getDb()): Promise<string[]> {
  const cards = await db.deckCard.findMany({ where: { deckId, card: { retired: false } }, select: { card: { select: { factId: true } } } });
  const inDeck = new Set(cards.map((c) => c.card.factId));
  return corpus.facts.filter((f) => inDeck.has(f.id)).map((f) => f.id);
}
