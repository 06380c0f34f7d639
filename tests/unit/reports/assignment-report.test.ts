import { describe, expect, it } from "vitest";
import { assignmentReport } from "@/lib/reports/assignment-report";

const d = (s: string) => new Date(s);
const dueAt = d("2025-03-15T06:59:00Z"); // 23:59 PDT on 14 March, Los Angeles
const students = [
  { studentId: "a1", name: "Ana" },
  { studentId: "b2", name: "Ben" },
  { studentId: "c3", name: "Cleo" },
  { studentId: "d4", name: "Dev" },
];

describe("assignmentReport — quiz", () => {
  it("aggregates attempts per student", () => {
    const rows = assignmentReport({
      kind: "quiz",
      dueAt,
      now: d("2025-03-16T12:00:00Z"),
      students,
      attempts: [
        // Ana: 18:00→18:12 (12 min, 0.7) on time, retake 09:00→09:10 (10 min, 0.9) → best 0.9, 22 min = 1 320 000 ms
        { studentId: "a1", startedAt: d("2025-03-14T18:00:00Z"), finishedAt: d("2025-03-14T18:12:00Z"), lastAnswerAt: d("2025-03-14T18:11:00Z"), score: 0.7 },
        { studentId: "a1", startedAt: d("2025-03-15T09:00:00Z"), finishedAt: d("2025-03-15T09:10:00Z"), lastAnswerAt: d("2025-03-15T09:09:00Z"), score: 0.9 },
        // Ben: 06:50→07:05, finished 6 min after the due instant → done late, 15 min = 900 000 ms
        { studentId: "b2", startedAt: d("2025-03-15T06:50:00Z"), finishedAt: d("2025-03-15T07:05:00Z"), lastAnswerAt: d("2025-03-15T07:04:00Z"), score: 0.6 },
        // Cleo: open attempt, last answer 05:08 → 8 min = 480 000 ms, missing
        { studentId: "c3", startedAt: d("2025-03-15T05:00:00Z"), finishedAt: null, lastAnswerAt: d("2025-03-15T05:08:00Z"), score: null },
        // someone who left the class
        { studentId: "x9", startedAt: d("2025-03-14T05:00:00Z"), finishedAt: d("2025-03-14T05:01:00Z"), lastAnswerAt: null, score: 1 },
      ],
    });
    expect(rows).toEqual([
      { studentId: "a1", name: "Ana", status: "done", late: false, progress: 1, score: 0.9, timeSpentMs: 1_320_000, lastActivityAt: d("2025-03-15T09:10:00Z"), completedAt: d("2025-03-14T18:12:00Z"), activityCount: 2 },
      { studentId: "b2", name: "Ben", status: "done", late: true, progress: 1, score: 0.6, timeSpentMs: 900_000, lastActivityAt: d("2025-03-15T07:05:00Z"), completedAt: d("2025-03-15T07:05:00Z"), activityCount: 1 },
      { studentId: "c3", name: "Cleo", status: "late", late: true, progress: 0, score: null, timeSpentMs: 480_000, lastActivityAt: d("2025-03-15T05:08:00Z"), completedAt: null, activityCount: 1 },
      { studentId: "d4", name: "Dev", status: "late", late: true, progress: 0, score: null, timeSpentMs: 0, lastActivityAt: null, completedAt: null, activityCount: 0 },
    ]);
  });
});

describe("assignmentReport — review", () => {
  const reviews = [
    // Ana: c1, c2, c3 first studied 10–11 March → done, completed 11 March 09:00.
    // time = 8 000 + 12 000 + min(90 000, 60 000) + 5 000 = 85 000 ms; cX is not in the deck and is ignored
    { studentId: "a1", cardId: "c1", reviewedAt: d("2025-03-10T10:00:00Z"), durationMs: 8_000 },
    { studentId: "a1", cardId: "c2", reviewedAt: d("2025-03-10T10:01:00Z"), durationMs: 12_000 },
    { studentId: "a1", cardId: "c3", reviewedAt: d("2025-03-11T09:00:00Z"), durationMs: 90_000 },
    { studentId: "a1", cardId: "c1", reviewedAt: d("2025-03-12T09:00:00Z"), durationMs: 5_000 },
    { studentId: "a1", cardId: "cX", reviewedAt: d("2025-03-13T09:00:00Z"), durationMs: 7_000 },
    // Ben: one card of three
    { studentId: "b2", cardId: "c2", reviewedAt: d("2025-03-13T20:00:00Z"), durationMs: 20_000 },
  ];
  const input = { kind: "review" as const, dueAt, students: students.slice(0, 3), deckCardIds: ["c1", "c2", "c3"], reviews };

  it("before the due date", () => {
    expect(assignmentReport({ ...input, now: d("2025-03-14T12:00:00Z") })).toEqual([
      { studentId: "a1", name: "Ana", status: "done", late: false, progress: 1, score: null, timeSpentMs: 85_000, lastActivityAt: d("2025-03-12T09:00:00Z"), completedAt: d("2025-03-11T09:00:00Z"), activityCount: 4 },
      { studentId: "b2", name: "Ben", status: "in-progress", late: false, progress: 1 / 3, score: null, timeSpentMs: 20_000, lastActivityAt: d("2025-03-13T20:00:00Z"), completedAt: null, activityCount: 1 },
      { studentId: "c3", name: "Cleo", status: "not-started", late: false, progress: 0, score: null, timeSpentMs: 0, lastActivityAt: null, completedAt: null, activityCount: 0 },
    ]);
  });

  it("after the due date the unfinished become missing", () => {
    const rows = assignmentReport({ ...input, now: d("2025-03-16T12:00:00Z") });
    expect(rows.map((r) => [r.studentId, r.status, r.late])).toEqual([
      ["a1", "done", false],
      ["b2", "late", true],
      ["c3", "late", true],
    ]);
  });
});
