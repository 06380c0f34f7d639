import { applyGrade } from "../srs/apply-grade";
import { buildQueue, type DoneToday, type QueueExtra, type StudyQueue } from "../srs/build-queue";
import { deckAllowance } from "../srs/deck-allowance";
import { newCardState, type SrsCardState, type SrsState } from "../srs/card-state";
import { cloneCardState } from "../srs/clone-card-state";
import { countDoneToday } from "../srs/done-today";
import type { Grade } from "../srs/grade";
import { previewIntervals } from "../srs/preview-intervals";
import { addDays, studyDay, studyDayStart } from "../srs/study-day";
import { snapshotParams, type CardContent, type DeckSnapshot, type LocalGrade } from "./deck-snapshot";

/** A card as the review screen shows it, computed on the device (the same shape the server sends). */
export type LocalCard = CardContent & { cardId: string; version: number; previews: Record<Grade, string> };
export type LocalQueue = { counts: StudyQueue["counts"]; card: LocalCard | null; nextDue: string | null };

function dayOf(at: Date, s: DeckSnapshot): string {
  return studyDay(at, s.settings.timeZone, s.settings.dayStartHour);
}

/**
 * What the student did today on this deck's account as the device knows it:
 * the server's counts at `fetchedAt` when that was the same study day, plus
 * the device's own grades of today (each by the card's state before it, as
 * lib/srs `countDoneToday` counts).
 */
export function localDoneToday(s: DeckSnapshot, now: Date): DoneToday {
  const today = dayOf(now, s);
  const sameDay = dayOf(s.fetchedAt, s) === today;
  const mine = s.local.filter((g) => dayOf(g.reviewedAt, s) === today);
  const counted = countDoneToday(mine.map((g): SrsState => g.previous?.state ?? "New"));
  return {
    newIntroduced: (sameDay ? s.doneToday.newIntroduced : 0) + counted.newIntroduced,
    reviews: (sameDay ? s.doneToday.reviews : 0) + counted.reviews,
    gradedCardIds: [...(sameDay ? s.doneToday.gradedCardIds : []), ...mine.map((g) => g.cardId)],
  };
}

/**
 * Today's allowance past the daily limits on the device (lib/srs
 * `deckAllowance`, as the server's queue computes it): from the snapshot's
 * assignments, its study-more choices of the same study day, and the cards
 * introduced today — on the server before the snapshot and here since.
 */
function localExtra(s: DeckSnapshot, now: Date, introducedToday: number): QueueExtra | undefined {
  if (!s.extra) return undefined;
  const today = dayOf(now, s);
  const sameDay = s.extra.day === today;
  const inDeck = new Set(s.cards.map((c) => c.id));
  const introducedHere = new Set([
    ...(sameDay ? s.extra.introducedCardIds.filter((id) => inDeck.has(id)) : []),
    ...s.local.filter((g) => dayOf(g.reviewedAt, s) === today && (g.previous === null || g.previous.state === "New")).map((g) => g.cardId),
  ]);
  return deckAllowance({
    params: s.settings,
    introducedToday,
    introducedTodayInDeck: introducedHere.size,
    remainingNew: s.cards.filter((c) => !c.state || c.state.state === "New").length,
    assignments: s.extra.assignments,
    studyMore: sameDay ? s.extra.studyMore : { extraNew: 0, aheadDays: 0 },
    now,
  }).queueExtra;
}

/**
 * The queue of a snapshot at `now` — lib/srs `buildQueue` over its cards,
 * as the server builds it — and the card to show: `pinned` (the card an undo
 * brought back) when it is in the queue, else the queue's next. A card whose
 * text the snapshot lacks (outside its horizon) is left out.
 */
export function localQueue(s: DeckSnapshot, now: Date, pinned: string | null = null): LocalQueue {
  const params = snapshotParams(s);
  const done = localDoneToday(s, now);
  let cards = s.cards.map((c) => ({ id: c.id, position: c.position, factId: c.factId, storyKey: c.storyKey, state: c.state }));
  const extra = localExtra(s, now, done.newIntroduced);
  let queue = buildQueue({ cards, now, params, doneToday: done, extra });
  const byId = new Map(s.cards.map((c) => [c.id, c]));
  for (let guard = 0; queue.next && !byId.get(queue.next)?.content && guard < 50; guard++) {
    const missing = queue.next;
    cards = cards.filter((c) => c.id !== missing);
    queue = buildQueue({ cards, now, params, doneToday: done, extra });
  }
  const inQueue = new Set([...queue.learning, ...queue.review, ...queue.new]);
  const nextId = pinned && inQueue.has(pinned) && byId.get(pinned)?.content ? pinned : queue.next;
  const next = nextId ? byId.get(nextId) : undefined;
  let nextDue: Date | null = null;
  if (!next) {
    for (const c of s.cards) if (c.state && c.state.due > now && (!nextDue || c.state.due < nextDue)) nextDue = c.state.due;
    if (s.cards.some((c) => !c.state || c.state.state === "New")) {
      const tomorrow = studyDayStart(addDays(dayOf(now, s), 1), s.settings.timeZone, s.settings.dayStartHour);
      if (!nextDue || tomorrow < nextDue) nextDue = tomorrow;
    }
  }
  let card: LocalCard | null = null;
  if (next?.content) {
    const current = next.state ?? newCardState(now);
    const p = previewIntervals(current, now, params);
    card = { ...next.content, cardId: next.id, version: current.version, previews: { 1: p[1].label, 2: p[2].label, 3: p[3].label, 4: p[4].label } };
  }
  return { counts: queue.counts, card, nextDue: nextDue?.toISOString() ?? null };
}

/**
 * A grade made on the device: the card's next state by lib/srs `applyGrade`
 * at `now` (never before its last review), the snapshot with it applied and
 * the grade kept in `local`. Returns the version the grade was made against
 * (what the server checks) with the new snapshot.
 */
export function gradeLocally(s: DeckSnapshot, input: { reviewId: string; cardId: string; grade: Grade; now: Date; durationMs: number }): { snapshot: DeckSnapshot; expectedVersion: number; reviewedAt: Date } {
  const card = s.cards.find((c) => c.id === input.cardId);
  if (!card) throw new Error(`card ${input.cardId} is not in the snapshot`);
  const current = card.state ?? newCardState(input.now);
  const reviewedAt = current.lastReview && current.lastReview > input.now ? current.lastReview : input.now;
  const { next } = applyGrade(current, input.grade, reviewedAt, snapshotParams(s));
  const local: LocalGrade = { reviewId: input.reviewId, cardId: input.cardId, grade: input.grade, reviewedAt, durationMs: input.durationMs, previous: card.state ? cloneCardState(card.state) : null };
  return {
    snapshot: { ...s, cards: s.cards.map((c) => (c.id === input.cardId ? { ...c, state: next } : c)), local: [...s.local, local] },
    expectedVersion: current.version,
    reviewedAt,
  };
}

/**
 * Takes back the device's latest grade `reviewId`: the card's state before it
 * is restored (with a higher version when it had one, as lib/srs undo does)
 * and the grade leaves `local`. Null when that grade is not the latest one.
 */
export function undoLocally(s: DeckSnapshot, reviewId: string): DeckSnapshot | null {
  const last = s.local.at(-1);
  if (!last || last.reviewId !== reviewId) return null;
  const card = s.cards.find((c) => c.id === last.cardId);
  const restored: SrsCardState | null = last.previous ? { ...cloneCardState(last.previous), version: (card?.state?.version ?? last.previous.version) + 1 } : null;
  return { ...s, cards: s.cards.map((c) => (c.id === last.cardId ? { ...c, state: restored } : c)), local: s.local.slice(0, -1) };
}
