import { assignmentStatus, type AssignmentState } from "@/lib/classes/assignment-status";
import { InvalidReportInput } from "./invalid-report-input";

/**
 * Anki's default "maximum answer seconds": a review counts for at most a
 * minute, so a card left open over lunch does not add an hour of study.
 */
export const MAX_REVIEW_MS = 60_000;

export type ReportStudent = {
  studentId: string;
  name: string;
  /** The student's own due date when it differs (an extension, lib/classes `studentDueAt`); else the assignment's. */
  dueAt?: Date;
};

/** One quiz attempt of a student at the assignment's quiz. */
export type AttemptRow = {
  studentId: string;
  startedAt: Date;
  /** null while the attempt is open. */
  finishedAt: Date | null;
  /** The last answer saved in the attempt, if any. */
  lastAnswerAt: Date | null;
  /** 0..1 for a finished attempt; null while open. */
  score: number | null;
};

/** One review (grade) of a card by a student; the caller passes the reviews of the assigned deck's cards. */
export type ReviewRow = {
  studentId: string;
  cardId: string;
  reviewedAt: Date;
  /** Time on the card as measured by the client, ms. */
  durationMs: number;
};

export type AssignmentReportInput =
  | { kind: "review"; dueAt: Date; now: Date; students: readonly ReportStudent[]; deckCardIds: readonly string[]; reviews: readonly ReviewRow[] }
  | { kind: "quiz"; dueAt: Date; now: Date; students: readonly ReportStudent[]; attempts: readonly AttemptRow[] };

export type AssignmentReportRow = {
  studentId: string;
  name: string;
  status: AssignmentState;
  late: boolean;
  /** Review: share of deck cards studied at least once; quiz: 1 when an attempt is finished, else 0. */
  progress: number;
  /** Quiz: the best finished attempt's score (0..1), null if none; review: null. */
  score: number | null;
  timeSpentMs: number;
  lastActivityAt: Date | null;
  completedAt: Date | null;
  /** Quiz: attempts started; review: reviews of deck cards. */
  activityCount: number;
};

/**
 * One row per student (in the order of `students`) for an assignment.
 *
 * review — progress and status from `assignmentStatus` with, per deck card,
 * the student's first review of it (reviews of cards outside the deck are
 * ignored); time spent = Σ min(durationMs, 60 s) over the student's reviews
 * of deck cards; last activity = their latest review.
 *
 * quiz — status from the attempts; score = the highest finished score
 * (Moodle's default "highest grade" method: a retake can only help); time
 * spent = Σ over attempts of (finishedAt, else lastAnswerAt, else startedAt)
 * − startedAt; last activity = the latest of those end points.
 *
 * Rows of students not in `students` (someone who left the class) are ignored.
 */
export function assignmentReport(input: AssignmentReportInput): AssignmentReportRow[] {
  const { dueAt, now } = input;
  if (input.kind === "review") {
    const deck = new Set(input.deckCardIds);
    const byStudent = groupBy(
      input.reviews.filter((r) => deck.has(r.cardId)),
      (r) => r.studentId,
    );
    return input.students.map(({ studentId, name, dueAt: ownDueAt }) => {
      const reviews = byStudent.get(studentId) ?? [];
      const first = new Map<string, number>();
      let timeSpentMs = 0;
      let last: number | null = null;
      for (const r of reviews) {
        if (!(r.durationMs >= 0)) throw new InvalidReportInput([`review of ${r.cardId} by ${studentId}: durationMs must be ≥ 0, got ${r.durationMs}`]);
        const t = r.reviewedAt.getTime();
        const seen = first.get(r.cardId);
        if (seen === undefined || t < seen) first.set(r.cardId, t);
        timeSpentMs += Math.min(r.durationMs, MAX_REVIEW_MS);
        if (last === null || t > last) last = t;
      }
      const s = assignmentStatus({
        kind: "review",
        dueAt: ownDueAt ?? dueAt,
        now,
        progress: { totalCards: deck.size, firstStudiedAt: [...first.values()].map((t) => new Date(t)) },
      });
      return {
        studentId,
        name,
        status: s.status,
        late: s.late,
        progress: s.progress,
        score: null,
        timeSpentMs,
        lastActivityAt: last === null ? null : new Date(last),
        completedAt: s.completedAt,
        activityCount: reviews.length,
      };
    });
  }

  const byStudent = groupBy(input.attempts, (a) => a.studentId);
  return input.students.map(({ studentId, name, dueAt: ownDueAt }) => {
    const attempts = byStudent.get(studentId) ?? [];
    let timeSpentMs = 0;
    let last: number | null = null;
    let score: number | null = null;
    for (const a of attempts) {
      const end = (a.finishedAt ?? a.lastAnswerAt ?? a.startedAt).getTime();
      if (end < a.startedAt.getTime()) throw new InvalidReportInput([`attempt of ${studentId} started ${a.startedAt.toISOString()} ends before it starts`]);
      timeSpentMs += end - a.startedAt.getTime();
      if (last === null || end > last) last = end;
      if (a.finishedAt !== null && a.score !== null) {
        if (!(a.score >= 0 && a.score <= 1)) throw new InvalidReportInput([`attempt of ${studentId}: score must be in 0..1, got ${a.score}`]);
        if (score === null || a.score > score) score = a.score;
      }
    }
    const s = assignmentStatus({ kind: "quiz", dueAt: ownDueAt ?? dueAt, now, progress: { attempts } });
    return {
      studentId,
      name,
      status: s.status,
      late: s.late,
      progress: s.progress,
      score,
      timeSpentMs,
      lastActivityAt: last === null ? null : new Date(last),
      completedAt: s.completedAt,
      activityCount: attempts.length,
    };
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
