import { getDb, type DbTx } from "../db";
import type { SrsCardState } from "../srs/card-state";
import { deckAllowance, type DeckAllowance, type StudyMoreToday } from "../srs/deck-allowance";
import type { SrsParams } from "../srs/params";
import { studyDay } from "../srs/study-day";
import { MORE_NEW_MAX_PER_DAY } from "../srs/study-more-limits";
import { hiddenFactIdsForDeck } from "./item-reports";
import { reviewAssignmentsOf, studyMoreToday, type OpenReviewAssignment } from "./study-more";

/** A card never studied: no state row, or a New one (a card a missed quiz question brought forward). */
export function unstudied(state: SrsCardState | null | undefined): boolean {
  return !state || state.state === "New";
}

/** What a deck's queue needs of today's grades: how many new cards were introduced, and which. */
export type IntroducedToday = { newIntroduced: number; introducedCardIds: readonly string[] };

/** What a deck's allowance and queue read besides the student's states and day: study more, review assignments, hidden facts. */
export type DeckExtras = { studyMore: StudyMoreToday; assignments: OpenReviewAssignment[]; hiddenFactIds: Set<string> };

/**
 * The reads of `DeckExtras` (up to three small indexed statements, at once).
 * `known` skips what cannot exist: review assignments and hidden facts for a
 * student in no class, study more for a student with no row of today.
 */
export async function deckExtrasOf(
  userId: string,
  deckId: string,
  now: Date,
  params: SrsParams,
  db: DbTx = getDb(),
  known: { inClass: boolean; lastStudyMoreDay: string | null } = { inClass: true, lastStudyMoreDay: "9999" },
): Promise<DeckExtras> {
  const day = studyDay(now, params.timeZone, params.dayStartHour);
  const [studyMore, assignments, hiddenFactIds] = await Promise.all([
    known.lastStudyMoreDay !== null && known.lastStudyMoreDay >= day ? studyMoreToday(userId, deckId, day, db) : NO_STUDY_MORE,
    known.inClass ? reviewAssignmentsOf(userId, [deckId], db) : [],
    known.inClass ? hiddenFactIdsForDeck(userId, deckId, db) : new Set<string>(),
  ]);
  return { studyMore, assignments, hiddenFactIds };
}

const NO_STUDY_MORE: StudyMoreToday = { extraNew: 0, aheadDays: 0 };

export type DeckAllowanceRead = DeckAllowance & { studyMore: StudyMoreToday; assignments: OpenReviewAssignment[]; remainingNew: number };

/** The allowance from what was read (no reads). */
export function allowanceFrom(
  extras: Pick<DeckExtras, "studyMore" | "assignments">,
  input: { now: Date; params: SrsParams; deckCardIds: readonly string[]; states: ReadonlyMap<string, SrsCardState>; done: IntroducedToday },
): DeckAllowanceRead {
  const { now, params } = input;
  const { studyMore, assignments } = extras;
  const inDeck = new Set(input.deckCardIds);
  const remainingNew = input.deckCardIds.filter((id) => unstudied(input.states.get(id))).length;
  const allowance = deckAllowance({
    params,
    introducedToday: input.done.newIntroduced,
    introducedTodayInDeck: new Set(input.done.introducedCardIds.filter((id) => inDeck.has(id))).size,
    remainingNew,
    assignments,
    studyMore,
    now,
  });
  return { ...allowance, studyMore, assignments, remainingNew };
}

/** What the "Done for now" screen and the deck page say about assignments and study more. */
export type DeckStudyPlan = {
  assignments: {
    id: string;
    title: string;
    className: string;
    timeZone: string;
    dueAt: Date;
    /** Cards of the deck not studied yet. */
    remaining: number;
    totalCards: number;
    /** Study days left, today included (1 when due today or past due). */
    daysLeft: number;
    /** New cards today's share still asks for (0 when today's share is done). */
    todayLeft: number;
    upcoming: boolean;
  }[];
  studyMore: StudyMoreToday & { moreNewLeft: number };
};

/** The plan for one deck from what `deckQueue` read (no further reads). */
export function studyPlanOf(allowance: DeckAllowanceRead, totalCards: number, introducedTodayInDeck: number, now: Date): DeckStudyPlan {
  const share = new Map(allowance.assignment.assignments.map((a) => [a.id, a]));
  return {
    assignments: allowance.assignments.map((a) => {
      const s = share.get(a.id);
      return {
        id: a.id,
        title: a.title,
        className: a.className,
        timeZone: a.timeZone,
        dueAt: a.dueAt,
        remaining: allowance.remainingNew,
        totalCards,
        daysLeft: s?.daysLeft ?? 0,
        todayLeft: s ? Math.max(0, Math.min(allowance.remainingNew, s.todayShare - introducedTodayInDeck)) : 0,
        upcoming: a.openAt.getTime() > now.getTime(),
      };
    }),
    studyMore: { ...allowance.studyMore, moreNewLeft: Math.max(0, MORE_NEW_MAX_PER_DAY - allowance.studyMore.extraNew) },
  };
}
