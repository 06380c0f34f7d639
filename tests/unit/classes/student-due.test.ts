import { describe, expect, it } from "vitest";
import { studentDueAt, studentDueDates } from "@/lib/classes/student-due";
import { assignmentStatus } from "@/lib/classes/assignment-status";

const due = new Date("2026-03-10T12:00:00Z");

describe("studentDueAt", () => {
  it("is the assignment's date without an extension", () => {
    expect(studentDueAt(due, null)).toBe(due);
    expect(studentDueAt(due, undefined)).toBe(due);
  });

  it("is the extension when it is later, the assignment's date when the assignment moved past it", () => {
    const ext = new Date("2026-03-12T12:00:00Z");
    expect(studentDueAt(due, ext)).toBe(ext);
    expect(studentDueAt(ext, due)).toBe(ext); // assignment moved to the 12th, an extension to the 10th gives nothing
    expect(studentDueAt(due, new Date(due.getTime()))).toBe(due);
  });

  it("per student, from a map", () => {
    const ext = new Date("2026-03-11T00:00:00Z");
    expect(studentDueDates(due, ["a", "b"], new Map([["b", ext]]))).toEqual(new Map([["a", due], ["b", ext]]));
  });

  it("decides the late flag: work after the class's date but before the extension is on time", () => {
    const ext = new Date("2026-03-12T12:00:00Z");
    const finishedAt = new Date("2026-03-11T09:00:00Z");
    const input = { kind: "quiz" as const, now: new Date("2026-03-13T00:00:00Z"), progress: { attempts: [{ startedAt: finishedAt, finishedAt }] } };
    expect(assignmentStatus({ ...input, dueAt: studentDueAt(due, null) }).late).toBe(true);
    expect(assignmentStatus({ ...input, dueAt: studentDueAt(due, ext) }).late).toBe(false);
    // nothing done: missing after the class's date, not yet late with an extension
    const none = { kind: "quiz" as const, now: new Date("2026-03-11T00:00:00Z"), progress: { attempts: [] } };
    expect(assignmentStatus({ ...none, dueAt: studentDueAt(due, null) }).status).toBe("late");
    expect(assignmentStatus({ ...none, dueAt: studentDueAt(due, ext) }).status).toBe("not-started");
  });
});
