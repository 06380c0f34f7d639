import { getDb, type DbTx } from "../db";
import type { Corpus } from "../content/schema";
import { Prisma } from "../generated/sqlite/client";

/** A deck as pages list it: with how many current (not retired) cards it holds. */
export type DeckSummary = { id: string; title: string; description: string; cardCount: number };

/** Decks in their display order, with how many current (not retired) cards each holds: one raw statement. */
export async function listDecks(db: DbTx = getDb()): Promise<DeckSummary[]> {
  return deckSummaries(null, db);
}

/** One deck, or null (as `listDecks`). */
export async function getDeck(deckId: string, db: DbTx = getDb()): Promise<DeckSummary | null> {
  return (await deckSummaries(deckId, db))[0] ?? null;
}

/** Raw (pages ask on every visit; a model query is compiled afresh each time), and the same inside a transaction. */
async function deckSummaries(deckId: string | null, db: DbTx): Promise<DeckSummary[]> {
  const rows = await db.$queryRaw<{ id: string; title: string; description: string; cardCount: unknown }[]>`
    SELECT d."id", d."title", d."description",
      (SELECT COUNT(*) FROM "DeckCard" m JOIN "Card" c ON c."id" = m."cardId" WHERE m."deckId" = d."id" AND c."retired" = ${false}) AS "cardCount"
    FROM "Deck" d${deckId === null ? Prisma.empty : Prisma.sql` WHERE d."id" = ${deckId}`}
    ORDER BY d."position" ASC, d."id" ASC`;
  return rows.map((r) => ({ id: r.id, title: r.title, description: r.description, cardCount: Number(r.cardCount) }));
}

/** The deck's current facts, in corpus order. */
export async function deckFactIds(deckId: string, corpus: Corpus, db: DbTx = getDb()): Promise<string[]> {
  const cards = await db.deckCard.findMany({ where: { deckId, card: { retired: false } }, select: { card: { select: { factId: true } } } });
  const inDeck = new Set(cards.map((c) => c.card.factId));
  return corpus.facts.filter((f) => inDeck.has(f.id)).map((f) => f.id);
}
