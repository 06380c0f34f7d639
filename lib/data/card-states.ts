import { getDb, type DbTx } from "../db";
import type { SrsCardState, SrsState } from "../srs/card-state";
import { pullForward } from "../srs/pull-forward";
import { insertCardState, updateCardStateIfVersion } from "./review-writes";

export const cardStateSelect = {
  cardId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  version: true,
} as const;

type CardStateRow = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: string;
  lastReview: Date | null;
  version: number;
};

/** A stored row as the scheduler's state. */
export function rowToState(row: CardStateRow): SrsCardState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as SrsState,
    lastReview: row.lastReview,
    version: row.version,
  };
}

/** Which card introduces a fact the student never studied: a question card first, then a cloze, then any. */
const KIND_RANK: Record<string, number> = { qa: 0, cloze: 1, reverse: 2 };

/**
 * "Facts missed in a quiz become due": the missed facts' cards are made due
 * now in the student's queue, their memory untouched (lib/srs `pullForward`).
 * Cards the student has studied all come forward; a fact none of whose cards
 * was studied yet is introduced through one card (its first question card),
 * so a missed quiz adds a few cards, not every cloze variant of every fact.
 * Returns how many cards moved. Runs inside the caller's transaction when given one.
 */
export async function pullForwardCardsForFacts(input: { userId: string; factIds: string[]; now: Date }, db: DbTx = getDb()): Promise<number> {
  if (input.factIds.length === 0) return 0;
  const cards = await db.card.findMany({ where: { factId: { in: input.factIds }, retired: false }, select: { id: true, factId: true, kind: true } });
  const rows = await db.cardState.findMany({
    where: { userId: input.userId, cardId: { in: cards.map((c) => c.id) } },
    select: cardStateSelect,
  });
  const byCard = new Map(rows.map((r) => [r.cardId, r]));
  const studied = (cardId: string) => {
    const row = byCard.get(cardId);
    return Boolean(row && row.state !== "New");
  };
  const chosen: typeof cards = [];
  const byFact = new Map<string, typeof cards>();
  for (const card of cards) byFact.set(card.factId, [...(byFact.get(card.factId) ?? []), card]);
  for (const factCards of byFact.values()) {
    const seen = factCards.filter((c) => studied(c.id));
    if (seen.length) {
      chosen.push(...seen);
    } else {
      const pending = factCards.filter((c) => byCard.has(c.id));
      const pool = pending.length ? pending : factCards;
      const first = pool.slice().sort((a, b) => (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
      if (first) chosen.push(first);
    }
  }
  let moved = 0;
  for (const card of chosen) {
    const row = byCard.get(card.id);
    const before = row ? rowToState(row) : null;
    const next = pullForward(before, input.now);
    if (before && next.version === before.version) continue;
    const key = { userId: input.userId, cardId: card.id };
    if (row) {
      if (await updateCardStateIfVersion(key, row.version, next, input.now, db)) moved++;
    } else {
      await insertCardState(key, next, input.now, db);
      moved++;
    }
  }
  return moved;
}
