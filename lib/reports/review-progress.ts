import { assignmentStatus } from "@/lib/classes/assignment-status";
import type { AssignmentReportRow, ReportStudent } from "./assignment-report";
import { InvalidReportInput } from "./invalid-report-input";

/**
 * One student's reviews of the assigned deck's cards, summed up (the
 * database does it: lib/data report-reads `reviewSummariesOf`).
 */
export type ReviewSummary = {
  studentId: string;
  /** Distinct deck cards studied. */
  cards: number;
  /** The latest of those cards' first reviews. */
  lastFirstAt: Date;
  reviews: number;
  /** Σ min(durationMs, MAX_REVIEW_MS) over the reviews. */
  timeSpentMs: number;
  lastAt: Date;
  minDurationMs: number;
};

/**
 * The review rows of lib/reports `assignmentReport` from per-student
 * summaries instead of every review: the same rule, and the same result as
 * `assignmentReport({ kind: "review", … })` over the reviews summed up
 * (tests/unit/reports/review-progress.test.ts checks it on random reviews).
 * `assignmentStatus` needs only how many cards were studied and the latest
 * first study, so the list it reads holds that date once per card.
 */
export function reviewProgressReport(input: { dueAt: Date; now: Date; students: readonly ReportStudent[]; totalCards: number; summaries: readonly ReviewSummary[] }): AssignmentReportRow[] {
  const byStudent = new Map(input.summaries.map((s) => [s.studentId, s]));
  return input.students.map(({ studentId, name, dueAt: ownDueAt }) => {
    const s = byStudent.get(studentId);
    if (s && !(s.minDurationMs >= 0)) throw new InvalidReportInput([`a review by ${studentId}: durationMs must be ≥ 0, got ${s.minDurationMs}`]);
    const st = assignmentStatus({
      kind: "review",
      // A student's extension moves their own due date (lib/classes `studentDueAt`).
      dueAt: ownDueAt ?? input.dueAt,
      now: input.now,
      progress: { totalCards: input.totalCards, firstStudiedAt: s ? new Array<Date>(s.cards).fill(s.lastFirstAt) : [] },
    });
    return {
      studentId,
      name,
      status: st.status,
      late: st.late,
      progress: st.progress,
      score: null,
      timeSpentMs: s?.timeSpentMs ?? 0,
      lastActivityAt: s ? s.lastAt : null,
      completedAt: st.completedAt,
      activityCount: s?.reviews ?? 0,
    };
  });
}
