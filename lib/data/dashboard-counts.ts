import { getDb, type DbTx } from "../db";
import { dashboardTotals, type QueueCounts } from "../srs/dashboard-totals";
import type { SrsParams } from "../srs/params";
import { everyDeckQueue } from "./reviews";

export type DashboardCounts = { decks: Map<string, QueueCounts>; total: QueueCounts };

/**
 * New / learning / due today for every deck and in total, as each deck's
 * review screen counts them: lib/data/reviews `everyDeckQueue` runs the
 * review screen's own queue (members less facts a class hid, limits, study
 * more and assignment allowance) per deck, from one set of reads whatever
 * the number of decks; the total counts a card once (lib/srs `dashboardTotals`).
 */
export async function dashboardCounts(userId: string, now: Date, opts: { params?: SrsParams } = {}, db: DbTx = getDb()): Promise<DashboardCounts> {
  const { params, done, decks } = await everyDeckQueue({ userId, now, params: opts.params }, db);
  const perDeck = decks.map(({ deckId, parts }) => ({
    deckId,
    queue: parts.built,
    newLeft: Math.max(0, params.newPerDay + (parts.allowance.queueExtra.newCards ?? 0) - done.newIntroduced),
  }));
  return {
    decks: new Map(perDeck.map((d) => [d.deckId, d.queue.counts])),
    total: dashboardTotals(perDeck, params.maxReviewsPerDay - done.reviews),
  };
}
