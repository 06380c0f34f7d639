import { getDb, type DbTx } from "../db";
import { averageRetrievability } from "../progress/average-retrievability";
import { cardsByState } from "../progress/cards-by-state";
import { reviewsPerDay } from "../progress/reviews-per-day";
import { streak } from "../progress/streak";
import { cardStateSelect, rowToState } from "./card-states";
import { getSrsParams } from "./study-settings";

const STREAK_DAYS = 366;

/**
 * A student's progress page: cards by state (over the whole corpus), predicted
 * recall per deck (mean FSRS retrievability of the deck's studied cards),
 * reviews per study day for the last 30 days, the streak, and quiz history.
 */
export async function studentProgress(userId: string, now: Date, db: DbTx = getDb()) {
  const params = await getSrsParams(userId, db);
  const [cards, rows, decks, logs, attempts] = await Promise.all([
    db.card.findMany({ where: { retired: false }, select: { id: true } }),
    db.cardState.findMany({ where: { userId }, select: cardStateSelect }),
    db.deck.findMany({ select: { id: true, title: true, cards: { where: { card: { retired: false } }, select: { cardId: true } } }, orderBy: { position: "asc" } }),
    // A year of review times: the chart shows the last 30 days, the streak can run longer.
    db.reviewLog.findMany({ where: { userId, undoneAt: null, reviewedAt: { gte: new Date(now.getTime() - (STREAK_DAYS + 2) * 86_400_000) } }, select: { reviewedAt: true } }),
    db.quizAttempt.findMany({
      where: { userId, finishedAt: { not: null } },
      select: { id: true, deckId: true, startedAt: true, finishedAt: true, score: true, maxScore: true },
      orderBy: { startedAt: "desc" },
      take: 20,
    }),
  ]);
  const states = new Map(rows.map((r) => [r.cardId, rowToState(r)]));
  const year = reviewsPerDay(logs, now, params.timeZone, params.dayStartHour, STREAK_DAYS);
  const days = year.slice(-30);
  const deckTitles = new Map(decks.map((d) => [d.id, d.title]));
  return {
    byState: cardsByState(cards.map((c) => states.get(c.id) ?? null)),
    decks: decks.map((d) => ({
      id: d.id,
      title: d.title,
      cards: d.cards.length,
      // Studied = reviewed at least once; a card a quiz brought in but not yet reviewed is still New.
      studied: d.cards.filter((c) => (states.get(c.cardId)?.state ?? "New") !== "New").length,
      recall: averageRetrievability(d.cards.map((c) => states.get(c.cardId) ?? null), now, params),
    })),
    days,
    streak: streak(year),
    streakCapped: streak(year) >= STREAK_DAYS,
    timeZone: params.timeZone,
    quizzes: attempts.map((a) => ({ ...a, deckTitle: deckTitles.get(a.deckId) ?? a.deckId })),
  };
}
