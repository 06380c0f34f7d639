import { getDb, type DbTx } from "../db";
import { buildQueue } from "../srs/build-queue";
import { dashboardTotals, type QueueCounts } from "../srs/dashboard-totals";
import { deckAllowance } from "../srs/deck-allowance";
import type { SrsParams } from "../srs/params";
import { studyDay } from "../srs/study-day";
import { cardStateSelect, rowToState } from "./card-states";
import { unstudied } from "./deck-allowance";
import { doneToday } from "./reviews";
import { getSrsParams } from "./study-settings";
import { reviewAssignmentsOf, studyMoreOn } from "./study-more";

export type DashboardCounts = { decks: Map<string, QueueCounts>; total: QueueCounts };

/**
 * New / learning / due today for every deck and in total, as each deck's
 * review screen would count them (the same `buildQueue`, limits, study more
 * and assignment allowance as `deckQueue`), in a fixed number of reads
 * whatever the number of decks: the deck memberships, the student's card
 * states, today's grades, today's study-more rows and their review
 * assignments — then the queues are built in memory.
 */
export async function dashboardCounts(userId: string, now: Date, opts: { params?: SrsParams } = {}, db: DbTx = getDb()): Promise<DashboardCounts> {
  const params = opts.params ?? (await getSrsParams(userId, db));
  const day = studyDay(now, params.timeZone, params.dayStartHour);
  const [members, rows, done, more, assignments] = await Promise.all([
    db.deckCard.findMany({
      where: { card: { retired: false } },
      select: { deckId: true, cardId: true, position: true, card: { select: { factId: true, fact: { select: { sortKey: true } } } } },
      orderBy: [{ deckId: "asc" }, { position: "asc" }],
    }),
    db.cardState.findMany({ where: { userId }, select: cardStateSelect }),
    doneToday(userId, params, now, db),
    studyMoreOn(userId, "all", day, db),
    reviewAssignmentsOf(userId, "all", db),
  ]);
  const states = new Map(rows.map((r) => [r.cardId, rowToState(r)]));
  const byDeck = new Map<string, typeof members>();
  for (const m of members) {
    const list = byDeck.get(m.deckId);
    if (list) list.push(m);
    else byDeck.set(m.deckId, [m]);
  }
  const perDeck = [...byDeck].map(([deckId, cards]) => {
    const inDeck = new Set(cards.map((c) => c.cardId));
    const allowance = deckAllowance({
      params,
      introducedToday: done.newIntroduced,
      introducedTodayInDeck: new Set(done.introducedCardIds.filter((id) => inDeck.has(id))).size,
      remainingNew: cards.filter((c) => unstudied(states.get(c.cardId))).length,
      assignments: assignments.filter((a) => a.deckId === deckId),
      studyMore: more.get(deckId) ?? { extraNew: 0, aheadDays: 0 },
      now,
    });
    const queue = buildQueue({
      cards: cards.map((m) => ({ id: m.cardId, position: m.position, state: states.get(m.cardId) ?? null, factId: m.card.factId, storyKey: m.card.fact.sortKey })),
      now,
      params,
      doneToday: done,
      extra: allowance.queueExtra,
    });
    return { deckId, queue, newLeft: Math.max(0, params.newPerDay + (allowance.queueExtra.newCards ?? 0) - done.newIntroduced) };
  });
  return {
    decks: new Map(perDeck.map((d) => [d.deckId, d.queue.counts])),
    total: dashboardTotals(perDeck, params.maxReviewsPerDay - done.reviews),
  };
}
