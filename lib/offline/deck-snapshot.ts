import "./zod-browser";
import { z } from "zod";
import { srsCardStateSchema } from "../srs/card-state";
import { srsParams, type SrsParams } from "../srs/params";

/** A card's text as the review screen shows it (lib/data/reviews.ts `ReviewCard` without version and previews). */
export const cardContentSchema = z.object({
  kind: z.string(),
  front: z.string(),
  back: z.string(),
  quote: z.string(),
  link: z.string(),
  outlet: z.string(),
  step: z.string().nullable(),
});
export type CardContent = z.infer<typeof cardContentSchema>;

/**
 * One card of a deck in a snapshot: where the queue puts it (position, fact,
 * story key), the student's state (null: never introduced) and, for the
 * cards the coming hours can show, its text.
 */
export const snapshotCardSchema = z.object({
  id: z.string(),
  position: z.number(),
  factId: z.string(),
  storyKey: z.string(),
  state: srsCardStateSchema.nullable(),
  content: cardContentSchema.nullable(),
});
export type SnapshotCard = z.infer<typeof snapshotCardSchema>;

/** A grade made on the device and applied to the snapshot, with what undo needs. */
export const localGradeSchema = z.object({
  reviewId: z.string(),
  cardId: z.string(),
  grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  reviewedAt: z.coerce.date(),
  durationMs: z.number(),
  /** The card's state before the grade (null: the grade introduced it). */
  previous: srsCardStateSchema.nullable(),
});
export type LocalGrade = z.infer<typeof localGradeSchema>;

/**
 * What the review screen keeps on the device for one account and deck: the
 * server's view at `fetchedAt` (the deck's cards and states, the student's
 * scheduling settings, what was done today) and the grades made since on the
 * device (`local`), already applied to `cards`.
 */
export const deckSnapshotSchema = z.object({
  userId: z.string(),
  deckId: z.string(),
  fetchedAt: z.coerce.date(),
  settings: z.object({
    desiredRetention: z.number(),
    newPerDay: z.number(),
    maxReviewsPerDay: z.number(),
    timeZone: z.string(),
    dayStartHour: z.number(),
  }),
  doneToday: z.object({ newIntroduced: z.number(), reviews: z.number(), gradedCardIds: z.array(z.string()) }),
  /**
   * What the deck's allowance past the daily limits is computed from on the
   * device, as the server does (lib/srs `deckAllowance`): the open review
   * assignments on the deck, and for the study day `day` the student's study
   * more choices and the cards introduced that day (any deck).
   */
  extra: z
    .object({
      day: z.string(),
      studyMore: z.object({ extraNew: z.number(), aheadDays: z.number() }),
      assignments: z.array(z.object({ id: z.string(), openAt: z.coerce.date(), dueAt: z.coerce.date() })),
      introducedCardIds: z.array(z.string()),
    })
    .optional(),
  cards: z.array(snapshotCardSchema),
  local: z.array(localGradeSchema),
});
export type DeckSnapshot = z.infer<typeof deckSnapshotSchema>;
/** A snapshot as JSON carries it (dates as ISO strings). */
export type DeckSnapshotJson = z.input<typeof deckSnapshotSchema>;

/** The scheduler parameters of a snapshot (its settings plus the fixed scheduler choices). */
export function snapshotParams(s: DeckSnapshot): SrsParams {
  return srsParams(s.settings);
}

/** How far ahead a snapshot carries the text of cards falling due: the coming hours a phone may be offline. */
export const SNAPSHOT_HORIZON_MS = 36 * 3600 * 1000;
