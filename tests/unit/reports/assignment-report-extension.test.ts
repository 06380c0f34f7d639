import { describe, expect, it } from "vitest";
import { assignmentReport } from "@/lib/reports/assignment-report";

describe("assignmentReport with an extension", () => {
  const dueAt = new Date("2026-03-10T12:00:00Z");
  const now = new Date("2026-03-11T12:00:00Z");
  const students = [
    { studentId: "a", name: "A" },
    { studentId: "b", name: "B", dueAt: new Date("2026-03-12T12:00:00Z") },
  ];

  it("a student's own due date decides their late flag and missing status", () => {
    const finishedAt = new Date("2026-03-11T09:00:00Z");
    const done = assignmentReport({
      kind: "quiz",
      dueAt,
      now,
      students,
      attempts: ["a", "b"].map((studentId) => ({ studentId, startedAt: finishedAt, finishedAt, lastAnswerAt: finishedAt, score: 1 })),
    });
    expect(done.map((r) => [r.studentId, r.status, r.late])).toEqual([
      ["a", "done", true],
      ["b", "done", false],
    ]);
    const none = assignmentReport({ kind: "review", dueAt, now, students, deckCardIds: ["c1"], reviews: [] });
    expect(none.map((r) => [r.studentId, r.status, r.late])).toEqual([
      ["a", "late", true],
      ["b", "not-started", false],
    ]);
  });
});
