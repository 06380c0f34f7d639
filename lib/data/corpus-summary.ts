import { getDb, type DbTx } from "../db";

export const sourceListSelect = {
  slug: true,
  outlet: true,
  via: true,
  headline: true,
  datePrinted: true,
  publishedDate: true,
  publishedPrecision: true,
  publishedInferred: true,
} as const;

export type SourceListItem = {
  slug: string;
  outlet: string;
  via: string | null;
  headline: string;
  datePrinted: string;
  publishedDate: string;
  publishedPrecision: string;
  publishedInferred: boolean;
};

/** What the home page shows: live counts and the sources, oldest first. */
export async function corpusSummary(db: DbTx = getDb()) {
  const [facts, cards, decks, sources] = await Promise.all([
    db.fact.count({ where: { retired: false } }),
    db.card.count({ where: { retired: false } }),
    db.deck.count(),
    db.source.findMany({ select: sourceListSelect, orderBy: { publishedDate: "asc" } }),
  ]);
  return { facts, cards, decks, sources: sources satisfies SourceListItem[] };
}
