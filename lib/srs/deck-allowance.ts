import { assignmentNewQuota, type AssignmentQuota, type ReviewAssignmentDue } from "./assignment-allowance";
import type { QueueExtra } from "./build-queue";
import type { SrsParams } from "./params";

/** The student's "study more" choices for the deck today (a StudyExtra row; zeros when none). */
export type StudyMoreToday = { extraNew: number; aheadDays: number };

export type DeckAllowance = {
  /** What `buildQueue` gets for this deck today. */
  queueExtra: QueueExtra;
  /** New cards the open review assignments ask of today (see `assignmentNewQuota`). */
  assignment: AssignmentQuota;
  /** The part of `queueExtra.newCards` the assignments account for (0 when the daily limit already covers them). */
  newFromAssignments: number;
};

/**
 * Today's allowance for one deck, on top of the student's daily limits:
 *
 * - review assignments: the daily new-card limit (`newPerDay`, shared by all
 *   decks) is raised just enough that today's share of the deck's
 *   assignments (`assignmentNewQuota`) can be introduced from this deck:
 *   the limit becomes max(newPerDay, quota + new cards introduced today in
 *   other decks); and siblings of a fact may come on the same day as far as
 *   the rest of today's share needs them (`unburyUpTo`), or a deck with few
 *   facts could not be finished in time;
 * - "more new cards today" adds `extraNew` to that limit (Anki's custom
 *   study "increase today's new card limit"), siblings included when only
 *   they are left;
 * - "review ahead" brings in Review cards due in the next `aheadDays` days.
 */
export function deckAllowance(input: {
  params: Pick<SrsParams, "newPerDay" | "timeZone" | "dayStartHour">;
  /** New cards introduced today in every deck, and in this one. */
  introducedToday: number;
  introducedTodayInDeck: number;
  /** Cards of the deck never studied, now. */
  remainingNew: number;
  assignments: readonly ReviewAssignmentDue[];
  studyMore: StudyMoreToday;
  now: Date;
}): DeckAllowance {
  const { params, introducedToday, introducedTodayInDeck, studyMore } = input;
  const assignment = assignmentNewQuota({
    assignments: input.assignments,
    remainingNew: input.remainingNew,
    introducedToday: introducedTodayInDeck,
    now: input.now,
    timeZone: params.timeZone,
    dayStartHour: params.dayStartHour,
  });
  const elsewhere = Math.max(0, introducedToday - introducedTodayInDeck);
  const newFromAssignments = Math.max(0, assignment.quota + elsewhere - params.newPerDay);
  return {
    queueExtra: {
      newCards: newFromAssignments + Math.max(0, studyMore.extraNew),
      reviewAheadDays: Math.max(0, studyMore.aheadDays),
      // Extra new cards asked for come even when only siblings are left (the limit still bounds them).
      unburyUpTo: studyMore.extraNew > 0 ? input.remainingNew : Math.max(0, assignment.quota - introducedTodayInDeck),
    },
    assignment,
    newFromAssignments,
  };
}
