import { type SrsCardState, assertValidDate } from "./card-state";
import type { SrsParams } from "./params";
import { addDays, studyDay, studyDayStart } from "./study-day";

/** A card of the deck being studied: its id, the student's state (null: never introduced) and its place in the deck. */
export type QueueCard = { id: string; state: SrsCardState | null; position: number };

/** What the student has already done in the current study day. */
export type DoneToday = {
  /** First reviews of new cards today (logs whose previous state was New), forced ones included. */
  newIntroduced: number;
  /** Reviews of cards in state Review today. */
  reviews: number;
};

export type StudyQueue = {
  learning: string[];
  review: string[];
  new: string[];
  counts: { new: number; learning: number; review: number };
};

function byDueThenId(a: { id: string; due: number }, b: { id: string; due: number }): number {
  return a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Today's study queue, Anki-style. Each list is in the order to show it.
 *
 * - learning: Learning/Relearning cards due ≤ now, by due then id. When
 *   nothing else is left (no review and no new card), those due within the
 *   learn-ahead limit (`params.learnAheadMinutes`, 20) are included too, so
 *   a student finishing a session is not told to wait a few minutes.
 * - review: Review cards due before the end of the current study day
 *   (`studyDayStart` of tomorrow in the student's zone), by due then id,
 *   at most `maxReviewsPerDay − doneToday.reviews`.
 * - new: first, cards with a *stored* New state due ≤ now — cards already
 *   introduced, e.g. by `pullForward` after a missed quiz question — by due
 *   then id, outside the new-card limit; then never-introduced cards
 *   (`state: null`) by position then id, at most `newPerDay −
 *   doneToday.newIntroduced`. (So the data layer stores a New state only
 *   for a forced card; an untouched card has no state row.)
 *
 * Learning cards are not limited (Anki v3); new cards do not count against
 * the review limit. Learning cards due later today appear on a later call.
 */
export function buildQueue(input: {
  cards: readonly QueueCard[];
  now: Date;
  params: SrsParams;
  doneToday: DoneToday;
}): StudyQueue {
  const { cards, now, params, doneToday } = input;
  assertValidDate(now, "now");
  const nowMs = now.getTime();
  const today = studyDay(now, params.timeZone, params.dayStartHour);
  const endOfDay = studyDayStart(addDays(today, 1), params.timeZone, params.dayStartHour).getTime();

  const learning: { id: string; due: number }[] = [];
  const review: { id: string; due: number }[] = [];
  const forced: { id: string; due: number }[] = [];
  const fresh: QueueCard[] = [];
  for (const c of cards) {
    const s = c.state;
    if (s === null) {
      fresh.push(c);
      continue;
    }
    const due = s.due.getTime();
    if (s.state === "Learning" || s.state === "Relearning") learning.push({ id: c.id, due });
    else if (s.state === "Review") {
      if (due < endOfDay) review.push({ id: c.id, due });
    } else if (due <= nowMs) forced.push({ id: c.id, due });
  }

  const reviewIds = review
    .sort(byDueThenId)
    .slice(0, Math.max(0, params.maxReviewsPerDay - doneToday.reviews))
    .map((c) => c.id);
  const newIds = [
    ...forced.sort(byDueThenId).map((c) => c.id),
    ...fresh
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, Math.max(0, params.newPerDay - doneToday.newIntroduced))
      .map((c) => c.id),
  ];
  const horizon = reviewIds.length === 0 && newIds.length === 0 ? nowMs + params.learnAheadMinutes * 60_000 : nowMs;
  const learningIds = learning
    .filter((c) => c.due <= horizon)
    .sort(byDueThenId)
    .map((c) => c.id);

  return {
    learning: learningIds,
    review: reviewIds,
    new: newIds,
    counts: { new: newIds.length, learning: learningIds.length, review: reviewIds.length },
  };
}
