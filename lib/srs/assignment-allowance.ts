import { assertValidDate } from "./card-state";
import { InvalidSrsInput } from "./invalid-srs-input";
import { studyDay } from "./study-day";

const DAY_MS = 86_400_000;

/**
 * Study days left to finish work due at `dueAt`, counting today: from the
 * student's current study day (their zone, day starting at `dayStartHour`)
 * to the study day of the last second before `dueAt`, inclusive. Due later
 * today, due at the very start of tomorrow's study day, or already past due:
 * 1 (whatever is left can only be done today).
 */
export function studyDaysLeft(now: Date, dueAt: Date, timeZone: string, dayStartHour: number): number {
  assertValidDate(now, "now");
  assertValidDate(dueAt, "dueAt");
  if (dueAt.getTime() <= now.getTime()) return 1;
  const today = studyDay(now, timeZone, dayStartHour);
  // The last second that is still on time (a review at dueAt itself is on time, studyDay counts whole seconds).
  const lastDay = studyDay(new Date(dueAt.getTime() - 1000), timeZone, dayStartHour);
  const days = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS) + 1;
  return Math.max(1, days);
}

/** A review assignment on the deck being studied, as the allowance needs it. */
export type ReviewAssignmentDue = { id: string; openAt: Date; dueAt: Date };

export type AssignmentQuota = {
  /** New cards of the deck the student should have introduced by the end of today (0: no open assignment, or nothing left). */
  quota: number;
  /** Per open assignment: the study days left and what today's share is. */
  assignments: { id: string; daysLeft: number; todayShare: number }[];
};

/**
 * How many of the deck's new cards today's study day must introduce so that
 * every open review assignment on the deck is finished by its due date:
 * per assignment ceil(remaining at the start of today / study days left,
 * today included), and the largest over the assignments (they share the
 * deck's cards, so the soonest due sets the pace). "Remaining at the start of
 * today" is the cards never studied now plus those introduced today, so the
 * share does not shrink while the student works through it. Assignments not
 * yet open are left out; a past-due one asks for everything left today.
 */
export function assignmentNewQuota(input: {
  assignments: readonly ReviewAssignmentDue[];
  /** Cards of the deck the student has never studied, now. */
  remainingNew: number;
  /** Cards of the deck introduced earlier in the current study day (grades not undone). */
  introducedToday: number;
  now: Date;
  timeZone: string;
  dayStartHour: number;
}): AssignmentQuota {
  const { remainingNew, introducedToday, now } = input;
  for (const [name, v] of [["remainingNew", remainingNew], ["introducedToday", introducedToday]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new InvalidSrsInput(name, `${name} must be a whole number ≥ 0`);
  }
  const atDayStart = remainingNew + introducedToday;
  const assignments = input.assignments
    .filter((a) => a.openAt.getTime() <= now.getTime())
    .map((a) => {
      const daysLeft = studyDaysLeft(now, a.dueAt, input.timeZone, input.dayStartHour);
      return { id: a.id, daysLeft, todayShare: remainingNew === 0 ? 0 : Math.ceil(atDayStart / daysLeft) };
    });
  return { quota: Math.max(0, ...assignments.map((a) => a.todayShare)), assignments };
}
