import "./zod-browser";
import { z } from "zod";

/**
 * A grade waiting on the device to be sent (`POST /api/review/grade` body
 * plus what the queue needs): `seq` orders the replay; `versionAfter` and
 * `dueAfter` are what the device computed, so an answer that differs (the
 * server merged the grade with one from elsewhere) asks for a fresh snapshot.
 */
export const outboxItemSchema = z.object({
  reviewId: z.string(),
  userId: z.string(),
  deckId: z.string(),
  cardId: z.string(),
  grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  expectedVersion: z.number(),
  durationMs: z.number(),
  reviewedAt: z.string(),
  seq: z.number(),
  versionAfter: z.number(),
  dueAfter: z.string(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** The request body of a queued grade (lib/srs/grade-request.ts `gradeRequestSchema`). */
export function gradeBody(item: OutboxItem) {
  return { reviewId: item.reviewId, deckId: item.deckId, cardId: item.cardId, grade: item.grade, expectedVersion: item.expectedVersion, durationMs: item.durationMs, reviewedAt: item.reviewedAt };
}

/** What a sync attempt does with one queued grade, by the server's answer (null: the network failed). */
export type SendVerdict = "acknowledged" | "retry-later" | "refused";
export function sendVerdict(status: number | null): SendVerdict {
  if (status === null || status >= 500 || status === 401 || status === 429) return "retry-later";
  if (status >= 200 && status < 300) return "acknowledged";
  return "refused";
}

/** The grades of one account, in the order they were made (another account's never go out). */
export function replayOrder(items: readonly OutboxItem[], userId: string): OutboxItem[] {
  return items.filter((i) => i.userId === userId).sort((a, b) => a.seq - b.seq);
}
