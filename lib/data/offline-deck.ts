import { getDb, type DbTx } from "../db";
import { SNAPSHOT_HORIZON_MS, type CardContent, type DeckSnapshot } from "../offline/deck-snapshot";
import { studyDay } from "../srs/study-day";
import type { SrsParams } from "../srs/params";
import { deckQueueWithReads, type DeckQueue, type QueueParts, type QueueReads } from "./reviews";
import type { DeckStudyPlan } from "./deck-allowance";

/**
 * The review screen's offline copy of a deck for one student (lib/offline
 * `DeckSnapshot`): every card of the deck with its place and the student's
 * state, and the text of the cards the coming hours can show — the queue's
 * cards now (learning, due, today's new ones), every card in learning and
 * every review due within `SNAPSHOT_HORIZON_MS`. Reads only: the queue's own
 * reads (lib/data/reviews `deckQueueWithReads`: the student's day and card
 * states, the corpus from its cache, the deck's extras), so the copy is
 * decided by the same cards, allowance and rules as the server's queue.
 */
export async function offlineDeck(input: { userId: string; deckId: string; now: Date }, db: DbTx = getDb()): Promise<DeckSnapshot> {
  return (await reviewScreen(input, db)).snapshot;
}

/**
 * What the review page needs, from one set of reads: the first card and the
 * counts (`deckQueueWithPlan`'s queue and plan) and the device's snapshot.
 */
export async function reviewScreen(input: { userId: string; deckId: string; now: Date }, db: DbTx = getDb()): Promise<{ queue: DeckQueue; plan: DeckStudyPlan; snapshot: DeckSnapshot }> {
  const { queue, plan, reads, parts, params } = await deckQueueWithReads(input, db);
  return { queue, plan, snapshot: snapshotFrom(input, reads, parts, params) };
}

function snapshotFrom(input: { userId: string; deckId: string; now: Date }, reads: QueueReads, parts: QueueParts, params: SrsParams): DeckSnapshot {
  const { members, done, allowance, built } = parts;
  const inDeck = new Set(members.map((m) => m.cardId));
  const wanted = new Set([...built.learning, ...built.review, ...built.new]);
  const horizon = input.now.getTime() + SNAPSHOT_HORIZON_MS;
  for (const [id, s] of reads.states) {
    if (inDeck.has(id) && (s.state === "Learning" || s.state === "Relearning" || s.due.getTime() <= horizon)) wanted.add(id);
  }
  const content = (cardId: string): CardContent | null => {
    const c = wanted.has(cardId) ? reads.corpus.cards.get(cardId) : undefined;
    return c ? { kind: c.kind, front: c.front, back: c.back, quote: c.quote, link: c.link, outlet: c.outlet, step: c.step } : null;
  };
  return {
    userId: input.userId,
    deckId: input.deckId,
    fetchedAt: input.now,
    settings: { desiredRetention: params.desiredRetention, newPerDay: params.newPerDay, maxReviewsPerDay: params.maxReviewsPerDay, timeZone: params.timeZone, dayStartHour: params.dayStartHour },
    doneToday: { newIntroduced: done.newIntroduced, reviews: done.reviews, gradedCardIds: [...(done.gradedCardIds ?? [])] },
    extra: {
      day: studyDay(input.now, params.timeZone, params.dayStartHour),
      studyMore: allowance.studyMore,
      assignments: allowance.assignments.map((a) => ({ id: a.id, openAt: a.openAt, dueAt: a.dueAt })),
      introducedCardIds: [...done.introducedCardIds],
    },
    cards: members.map((m) => ({ id: m.cardId, position: m.position, factId: m.factId, storyKey: m.storyKey, state: reads.states.get(m.cardId) ?? null, content: content(m.cardId) })),
    local: [],
  };
}
