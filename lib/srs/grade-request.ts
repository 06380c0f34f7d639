import { z } from "zod";

/**
 * A grade as the review screen sends it. `reviewId` is made by the client
 * (a UUID) so a retried or replayed request is applied once; `expectedVersion`
 * is the version of the card state the student saw (0 for a card never studied).
 */
export const gradeRequestSchema = z
  .object({
    reviewId: z.uuid({ error: "reviewId must be a UUID made by the client" }),
    deckId: z.string().regex(/^[a-z0-9-]{1,80}$/, "unknown deck"),
    cardId: z.string().min(1).max(200),
    grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "grade must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)" }),
    expectedVersion: z.number().int().min(0).max(1_000_000),
    durationMs: z.number().int().min(0).max(24 * 3600 * 1000).default(0),
    /**
     * When the device made the grade, for a grade it queued (offline): then a
     * card that changed elsewhere since is merged rather than refused
     * (lib/srs/merge-reviews.ts); the route clamps it with `queuedReviewTime`.
     */
    reviewedAt: z.iso.datetime({ offset: true, error: "reviewedAt must be an ISO date-time" }).optional(),
  })
  .strict();
export type GradeRequest = z.infer<typeof gradeRequestSchema>;

export const undoRequestSchema = z.object({ reviewId: z.uuid({ error: "reviewId must be a UUID" }), deckId: z.string().regex(/^[a-z0-9-]{1,80}$/, "unknown deck") }).strict();
