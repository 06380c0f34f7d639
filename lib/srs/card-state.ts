import { type Card, State } from "ts-fsrs";
import { z } from "zod";
import { InvalidSrsInput } from "./invalid-srs-input";

/** ts-fsrs's `State`, by name (readable in the database and in JSON). */
export type SrsState = "New" | "Learning" | "Review" | "Relearning";
export const SRS_STATES: readonly SrsState[] = ["New", "Learning", "Review", "Relearning"];

/**
 * One student's memory of one card: ts-fsrs's `Card` field for field
 * (camelCase, `lastReview` null instead of undefined, `state` by name) plus
 * `version`, which every write increments so the data layer can refuse a
 * grade or an undo made against a state that has since changed.
 *
 * `version` 0 is a state that has never been stored (`newCardState`).
 */
export type SrsCardState = {
  due: Date;
  stability: number;
  difficulty: number;
  /** Days between the last two reviews (ts-fsrs `elapsed_days`, deprecated there but kept for its logs). */
  elapsedDays: number;
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  reps: number;
  lapses: number;
  state: SrsState;
  lastReview: Date | null;
  version: number;
};

const STATE_BY_NAME: Record<SrsState, State> = {
  New: State.New,
  Learning: State.Learning,
  Review: State.Review,
  Relearning: State.Relearning,
};

/** The ts-fsrs enum value for a state name. */
export function toFsrsState(state: SrsState): State {
  return STATE_BY_NAME[state];
}

/** The state name for a ts-fsrs enum value. */
export function fromFsrsState(state: State): SrsState {
  const name = SRS_STATES[state];
  if (name === undefined) throw new InvalidSrsInput("state", `unknown ts-fsrs state ${String(state)}`);
  return name;
}

/** The ts-fsrs `Card` for a state (fresh Date objects; `version` dropped). */
export function toFsrsCard(s: SrsCardState): Card {
  return {
    due: new Date(s.due.getTime()),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: toFsrsState(s.state),
    ...(s.lastReview ? { last_review: new Date(s.lastReview.getTime()) } : {}),
  };
}

/** A state from a ts-fsrs `Card`, with the given `version`. */
export function fromFsrsCard(card: Card, version: number): SrsCardState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: fromFsrsState(card.state),
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
    version,
  };
}

/**
 * A card nobody has studied yet, due at `now` (ts-fsrs `createEmptyCard`:
 * stability and difficulty 0, state New), `version` 0 (never stored).
 */
export function newCardState(now: Date): SrsCardState {
  assertValidDate(now, "now");
  return {
    due: new Date(now.getTime()),
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: "New",
    lastReview: null,
    version: 0,
  };
}

/** Throws InvalidSrsInput unless `d` is a Date holding a real instant. */
export function assertValidDate(d: unknown, field: string): asserts d is Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new InvalidSrsInput(field, `${field} must be a valid Date`);
}

const nonNegative = z.number().finite().min(0);
const nonNegativeInt = z.number().int().min(0);

/**
 * Reads an SrsCardState back from JSON (the undo snapshot stored with a
 * review log): dates may be ISO strings or epoch milliseconds.
 */
export const srsCardStateSchema = z.object({
  due: z.coerce.date(),
  stability: nonNegative,
  difficulty: nonNegative,
  elapsedDays: nonNegativeInt,
  scheduledDays: nonNegativeInt,
  learningSteps: nonNegativeInt,
  reps: nonNegativeInt,
  lapses: nonNegativeInt,
  state: z.enum(["New", "Learning", "Review", "Relearning"]),
  lastReview: z.coerce.date().nullable(),
  version: nonNegativeInt,
}) satisfies z.ZodType<SrsCardState, unknown>;
