import { getDb, type DbTx } from "../db";
import { averageRetrievability } from "../progress/average-retrievability";
import { cardsByState } from "../progress/cards-by-state";
import { reviewsPerDay } from "../progress/reviews-per-day";
import { streak } from "../progress/streak";
import { cachedCorpus } from "./corpus-cache";
import { studentDayRead, studentStates, toDate } from "./review-reads";

const STREAK_DAYS = 366;

/**
 * A student's progress page: cards by state (over the whole corpus), predicted
 * recall per deck (mean FSRS retrievability of the deck's studied cards),
 * reviews per study day for the last 30 days, the streak, and quiz history.
 */
export async function studentProgress(userId: string, now: Date, db: DbTx = getDb()) {
  // The queue's reads (lib/data/review-reads): settings and the corpus version, the card states; the corpus from its cache.
  const [day, states, logs, attempts] = await Promise.all([
    studentDayRead({ userId, now }, db),
    studentStates(userId, db),
    // A year of review times: the chart shows the last 30 days, the streak can run longer.
    db.$queryRaw<{ reviewedAt: unknown }[]>`
      SELECT "reviewedAt" FROM "ReviewLog"
      WHERE "userId" = ${userId} AND "undoneAt" IS NULL AND "reviewedAt" >= ${new Date(now.getTime() - (STREAK_DAYS + 2) * 86_400_000)}`,
    db.$queryRaw<{ id: string; deckId: string; startedAt: unknown; finishedAt: unknown; score: unknown; maxScore: unknown }[]>`
      SELECT "id", "deckId", "startedAt", "finishedAt", "score", "maxScore" FROM "QuizAttempt"
      WHERE "userId" = ${userId} AND "finishedAt" IS NOT NULL
      ORDER BY "startedAt" DESC, "id" ASC LIMIT 20`,
  ]);
  const corpus = await cachedCorpus(day.corpusKey, db);
  const params = day.params;
  const cards = [...corpus.cards.values()].filter((c) => !c.retired);
  const decks = [...corpus.decks].map(([id, d]) => ({ id, title: d.title, cards: d.members }));
  const year = reviewsPerDay(logs.map((l) => ({ reviewedAt: toDate(l.reviewedAt) })), now, params.timeZone, params.dayStartHour, STREAK_DAYS);
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
    quizzes: attempts.map((a) => ({
      id: a.id,
      deckId: a.deckId,
      startedAt: toDate(a.startedAt),
      finishedAt: toDate(a.finishedAt),
      score: a.score === null ? null : Number(a.score),
      maxScore: Number(a.maxScore),
      deckTitle: deckTitles.get(a.deckId) ?? a.deckId,
    })),
  };
}
