import { isLate } from "./late";

export type ReviewProgress = {
  /** Cards in the assigned deck. */
  totalCards: number;
  /**
   * When the student first studied (introduced) each deck card they have
   * studied: one entry per distinct card. Cards studied before the
   * assignment opened count — the student has met them.
   */
  firstStudiedAt: readonly Date[];
};

export type QuizProgress = {
  /** The student's attempts at this assignment's quiz. */
  attempts: readonly { startedAt: Date; finishedAt: Date | null }[];
};

export type AssignmentStatusInput =
  | { kind: "review"; dueAt: Date; now: Date; progress: ReviewProgress }
  | { kind: "quiz"; dueAt: Date; now: Date; progress: QuizProgress };

export type AssignmentState = "not-started" | "in-progress" | "done" | "late";

export type AssignmentStatus = {
  /**
   * - "done": the work is complete (on time or not — see `late`);
   * - "late": not complete and the due date has passed (the work is missing);
   * - "in-progress": begun, not complete, not yet due;
   * - "not-started": nothing yet, not yet due.
   */
  status: AssignmentState;
  /**
   * True when the work was completed after the due date ("done late", with
   * status "done") or is still incomplete after it (status "late"). A
   * teacher tells "done late" from "missing" by `status`.
   */
  late: boolean;
  /** Review: studied ÷ total cards (1 for an empty deck); quiz: 1 once an attempt is finished, else 0. */
  progress: number;
  /** When the work became complete: review, the first study of its last new card; quiz, the earliest finished attempt. */
  completedAt: Date | null;
};

/**
 * Where one student stands on one assignment at `now`.
 *
 * - review: done when every card of the deck has been studied at least once;
 *   completedAt = the latest of the first-study times (the moment the last
 *   card was introduced); started when at least one card has been studied.
 * - quiz: done when any attempt is finished; completedAt = the earliest
 *   finish (a later retake does not make on-time work late); started when an
 *   attempt exists. An attempt left open is "in-progress" until the quiz
 *   code finishes it.
 * - late: done with completedAt strictly after dueAt (`isLate`), or not done
 *   and now strictly after dueAt; at the due instant itself nothing is late.
 */
export function assignmentStatus(input: AssignmentStatusInput): AssignmentStatus {
  const { dueAt, now } = input;
  let done: boolean;
  let started: boolean;
  let progress: number;
  let completedAt: Date | null = null;

  if (input.kind === "review") {
    const { totalCards, firstStudiedAt } = input.progress;
    const studied = Math.min(firstStudiedAt.length, totalCards);
    started = firstStudiedAt.length > 0;
    done = studied >= totalCards;
    progress = totalCards === 0 ? 1 : studied / totalCards;
    if (done) completedAt = latest(firstStudiedAt);
  } else {
    const finished = input.progress.attempts.flatMap((a) => (a.finishedAt ? [a.finishedAt] : []));
    started = input.progress.attempts.length > 0;
    done = finished.length > 0;
    progress = done ? 1 : 0;
    if (done) completedAt = earliest(finished);
  }

  if (done) {
    return { status: "done", late: completedAt !== null && isLate(completedAt, dueAt), progress, completedAt };
  }
  if (isLate(now, dueAt)) return { status: "late", late: true, progress, completedAt: null };
  return { status: started ? "in-progress" : "not-started", late: false, progress, completedAt: null };
}

function latest(dates: readonly Date[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (best === null || d.getTime() > best.getTime()) best = d;
  return best;
}

function earliest(dates: readonly Date[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (best === null || d.getTime() < best.getTime()) best = d;
  return best;
}
