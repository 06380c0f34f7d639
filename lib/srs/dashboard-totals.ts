import type { StudyQueue } from "./build-queue";

export type QueueCounts = StudyQueue["counts"];

/**
 * The dashboard's "in total" line from the decks' queues (decks share cards:
 * "Everything" holds every card), so a card counts once however many decks
 * hold it, and the daily limits (one for all decks) are not counted twice:
 *
 * - learning: the distinct learning cards;
 * - due: the distinct review cards, at most the larger of the reviews the
 *   daily limit leaves (`reviewsLeft`) and the largest deck's due count
 *   (review ahead lets a deck go past the limit);
 * - new: the distinct new cards, at most the larger of the new cards the
 *   most generous deck still allows today (`newLeft` per deck: the daily
 *   limit plus that deck's study-more and assignment allowance, minus what
 *   was introduced today) and the largest deck's new count.
 */
export function dashboardTotals(decks: readonly { queue: Pick<StudyQueue, "learning" | "review" | "new" | "counts">; newLeft: number }[], reviewsLeft: number): QueueCounts {
  const distinct = (pick: (q: Pick<StudyQueue, "learning" | "review" | "new">) => readonly string[]) => new Set(decks.flatMap((d) => pick(d.queue))).size;
  const largest = (pick: (c: QueueCounts) => number) => Math.max(0, ...decks.map((d) => pick(d.queue.counts)));
  return {
    learning: distinct((q) => q.learning),
    review: Math.min(distinct((q) => q.review), Math.max(Math.max(0, reviewsLeft), largest((c) => c.review))),
    new: Math.min(distinct((q) => q.new), Math.max(0, ...decks.map((d) => d.newLeft), largest((c) => c.new))),
  };
}
