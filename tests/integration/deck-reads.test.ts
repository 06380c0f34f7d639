/**
 * The deck reads pages make on every visit are raw statements (lib/data/decks
 * `listDecks` / `getDeck`, lib/data/assignments `deckCardIds`). Checked on both
 * providers against the model queries they replaced, with a retired card in a
 * deck (not counted, not listed), inside a transaction as outside, and for
 * edge input (an unknown deck, no decks asked for).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { deckCardIds } from "../../lib/data/assignments";
import { getDeck, listDecks } from "../../lib/data/decks";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { seededDb } from "./helpers/seeded-db";

/** The old reads, through the models. */
async function oracleDecks(db: Db) {
  const decks = await db.deck.findMany({
    select: { id: true, title: true, description: true, _count: { select: { cards: { where: { card: { retired: false } } } } } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return decks.map(({ _count, ...d }) => ({ ...d, cardCount: _count.cards }));
}

describe.each(availableProviders())("deck reads on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("count and list a deck's current cards as the model queries did, in a transaction too", async () => {
    t = await seededDb(provider);
    const db = t.db;
    const decks = await oracleDecks(db);
    expect(decks.length).toBeGreaterThan(1);
    const deckId = decks[1]!.id;
    const members = await db.deckCard.findMany({ where: { deckId }, select: { cardId: true }, orderBy: { position: "asc" } });
    // Retire one card of the deck (by hand: the seed would do it when the corpus drops it).
    await db.card.update({ where: { id: members[0]!.cardId }, data: { retired: true } });

    const expected = await oracleDecks(db);
    expect(expected.find((d) => d.id === deckId)!.cardCount).toBe(members.length - 1);
    expect(await listDecks(db)).toEqual(expected);
    expect(await getDeck(deckId, db)).toEqual(expected[1]);
    expect(await getDeck("no-such-deck", db)).toBeNull();
    expect(await db.$transaction(async (tx) => [await listDecks(tx), await getDeck(deckId, tx)])).toEqual([expected, expected[1]]);

    const cards = await deckCardIds([deckId, decks[0]!.id, deckId, "no-such-deck"], db);
    for (const id of [deckId, decks[0]!.id]) {
      const current = await db.deckCard.findMany({ where: { deckId: id, card: { retired: false } }, select: { cardId: true } });
      expect([...cards.get(id)!].sort()).toEqual(current.map((c) => c.cardId).sort());
    }
    expect(cards.get(deckId)).not.toContain(members[0]!.cardId);
    expect(cards.get("no-such-deck")).toEqual([]);
    expect(await deckCardIds([], db)).toEqual(new Map());
  });
});
