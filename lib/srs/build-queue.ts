import { type SrsCardState, assertValidDate } from "./card-state";
import type { SrsParams } from "./params";
import { addDays, studyDay, studyDayStart } from "./study-day";

/**
 * A card of the deck being studied: its id, the student's state (null:
 * never introduced) and its place in the deck; the fact it is a card of
 * (its siblings are the other cards of that fact; without it a card has
 * none) and the fact's place in the deck's story (`storyKey`: the fact's
 * date sort key, so new facts come in the order they happened).
 */
export type QueueCard = { id: string; state: SrsCardState | null; position: number; factId?: string; storyKey?: string };

/** What the student has already done in the current study day. */
export type DoneToday = {
  /** First reviews of new cards today (logs whose previous state was New), forced ones included. */
  newIntroduced: number;
  /** Reviews of cards in state Review today. */
  reviews: number;
  /** Cards graded today (undone grades left out), oldest first: the last is the card just shown. */
  gradedCardIds?: readonly string[];
};

/**
 * Today's allowance past the daily limits (lib/srs `deckAllowance`): extra
 * new cards on top of `newPerDay`, Review cards due up to this many days
 * after today, and whether siblings may be introduced on one day (to finish
 * an assignment). Absent = none of these.
 */
export type QueueExtra = { newCards?: number; reviewAheadDays?: number; unburyUpTo?: number };

export type StudyQueue = {
  learning: string[];
  review: string[];
  new: string[];
  /** The card to show now (see `buildQueue`), or null when nothing is left today. */
  next: string | null;
  counts: { new: number; learning: number; review: number };
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDueThenId(a: { id: string; due: number }, b: { id: string; due: number }): number {
  return a.due - b.due || cmp(a.id, b.id);
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
 *   (`state: null`) in story order — by `storyKey` (the fact's date), then
 *   fact id, then position, then id — at most `newPerDay −
 *   doneToday.newIntroduced`. (So the data layer stores a New state only
 *   for a forced card; an untouched card has no state row.)
 * - siblings (cards of one fact) do not give each other away, as Anki buries
 *   them: at most one never-introduced card per fact, and none of a fact
 *   that already has a card graded today, in learning, forced or due for
 *   review today; its other new cards wait for a later study day.
 * - next: the first of learning, then review, then new that is not a
 *   sibling of the card graded last today; the first of them when every
 *   card left is a sibling.
 *
 * Learning cards are not limited (Anki v3); new cards do not count against
 * the review limit. Learning cards due later today appear on a later call.
 *
 * `extra` (study more, assignments): `newCards` raises the new-card limit to
 * `newPerDay + newCards`; `reviewAheadDays` appends, after today's reviews,
 * Review cards due before the end of the study day that many days ahead (by
 * due then id; with it the review limit is lifted: the student asked for more reviews);
 * `unburyUpTo`: while fewer never-introduced cards than this are on offer,
 * siblings held back above make up the difference, in story order, after
 * the others (an assignment's share for today must be reachable).
 */
export function buildQueue(input: {
  cards: readonly QueueCard[];
  now: Date;
  params: SrsParams;
  doneToday: DoneToday;
  extra?: QueueExtra;
}): StudyQueue {
  const { cards, now, params, doneToday } = input;
  const extra = input.extra ?? {};
  assertValidDate(now, "now");
  const nowMs = now.getTime();
  const today = studyDay(now, params.timeZone, params.dayStartHour);
  const endOfDay = studyDayStart(addDays(today, 1), params.timeZone, params.dayStartHour).getTime();
  const aheadDays = Math.max(0, Math.floor(extra.reviewAheadDays ?? 0));
  const endOfAhead = aheadDays === 0 ? endOfDay : studyDayStart(addDays(today, 1 + aheadDays), params.timeZone, params.dayStartHour).getTime();

  const learning: { id: string; due: number }[] = [];
  const review: { id: string; due: number }[] = [];
  const forced: { id: string; due: number }[] = [];
  const ahead: { id: string; due: number }[] = [];
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
      else if (due < endOfAhead) ahead.push({ id: c.id, due });
    } else if (due <= nowMs) forced.push({ id: c.id, due });
  }

  const reviewIds = review
    .sort(byDueThenId)
    .slice(0, aheadDays > 0 ? review.length : Math.max(0, params.maxReviewsPerDay - doneToday.reviews))
    .map((c) => c.id)
    .concat(ahead.sort(byDueThenId).map((c) => c.id));
  const factOf = new Map(cards.map((c) => [c.id, c.factId ?? c.id]));
  const fact = (id: string): string => factOf.get(id) ?? id;
  const graded = doneToday.gradedCardIds ?? [];
  // Facts whose new cards wait: touched today, or with a card under way today.
  const busy = new Set([...graded, ...learning.map((c) => c.id), ...forced.map((c) => c.id), ...reviewIds].map(fact));
  const storyOrder = (a: QueueCard, b: QueueCard): number =>
    cmp(a.storyKey ?? "", b.storyKey ?? "") || cmp(a.factId ?? "", b.factId ?? "") || a.position - b.position || cmp(a.id, b.id);
  const freshIds: string[] = [];
  const buried: string[] = [];
  for (const c of fresh.sort(storyOrder)) {
    if (busy.has(fact(c.id))) {
      buried.push(c.id);
      continue;
    }
    busy.add(fact(c.id));
    freshIds.push(c.id);
  }
  const unbury = Math.max(0, Math.floor(extra.unburyUpTo ?? 0)) - freshIds.length;
  if (unbury > 0) freshIds.push(...buried.slice(0, unbury));
  const newLimit = params.newPerDay + Math.max(0, Math.floor(extra.newCards ?? 0));
  const newIds = [
    ...forced.sort(byDueThenId).map((c) => c.id),
    ...freshIds.slice(0, Math.max(0, newLimit - doneToday.newIntroduced)),
  ];
  const horizon = reviewIds.length === 0 && newIds.length === 0 ? nowMs + params.learnAheadMinutes * 60_000 : nowMs;
  const learningIds = learning
    .filter((c) => c.due <= horizon)
    .sort(byDueThenId)
    .map((c) => c.id);
  const last = graded.at(-1);
  const all = [...learningIds, ...reviewIds, ...newIds];
  const next = (last === undefined ? undefined : all.find((id) => fact(id) !== fact(last))) ?? all[0] ?? null;

  return {
    learning: learningIds,
    review: reviewIds,
    new: newIds,
    next,
    counts: { new: newIds.length, learning: learningIds.length, review: reviewIds.length },
  };
}
