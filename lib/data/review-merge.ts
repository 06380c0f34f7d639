import type { DbTx } from "../db";
import { answerCard, type AnsweredCard } from "../srs/answer-card";
import type { SrsCardState } from "../srs/card-state";
import { type Grade, parseGrade } from "../srs/grade";
import { mergeOfflineGrade } from "../srs/merge-reviews";
import type { SrsParams } from "../srs/params";
import { srsReviewLogSchema } from "../srs/review-log";

/**
 * A grade the review screen queued on the device (offline, or sent later),
 * with the time it was made (`reviewedAt`, already clamped by the route with
 * `queuedReviewTime`). Called inside `gradeCard`'s transaction:
 * - the card is still at the version the device saw: an ordinary grade at
 *   the device's time (`answerCard`);
 * - it changed elsewhere since: merged (lib/srs `mergeOfflineGrade`): the
 *   card's standing logs and this one are all kept, and the state is their
 *   replay in time order from the state before the first one applied.
 */
export async function answerQueuedGrade(
  input: { userId: string; cardId: string; grade: Grade; expectedVersion: number; reviewId: string; reviewedAt: Date; current: SrsCardState | null; params: SrsParams },
  tx: DbTx,
): Promise<AnsweredCard> {
  const version = input.current?.version ?? 0;
  if (version === input.expectedVersion) {
    return answerCard({ current: input.current, expectedVersion: input.expectedVersion, grade: input.grade, now: input.reviewedAt, params: input.params });
  }
  const standing = await tx.reviewLog.findMany({
    where: { userId: input.userId, cardId: input.cardId, undoneAt: null },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    select: { id: true, grade: true, reviewedAt: true, logJson: true, versionAfter: true },
  });
  // The history starts before the grade applied first (the lowest version after it), which is
  // not always the earliest in time: a merged grade's log holds the state it was merged into.
  const first = standing.reduce<(typeof standing)[number] | undefined>((a, l) => (!a || l.versionAfter < a.versionAfter ? l : a), undefined);
  const start = first ? srsReviewLogSchema.parse(JSON.parse(first.logJson)).previous : null;
  return mergeOfflineGrade({
    current: input.current,
    start,
    standing: standing.map((l) => ({ id: l.id, grade: parseGrade(l.grade), reviewedAt: l.reviewedAt })),
    incoming: { id: input.reviewId, grade: input.grade, reviewedAt: input.reviewedAt },
    params: input.params,
  });
}
