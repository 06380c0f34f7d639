import { getDb, type DbTx } from "../db";

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
