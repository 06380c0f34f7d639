import { describe, expect, it } from "vitest";
import { assignmentStatus } from "@/lib/classes/assignment-status";
import { isLate } from "@/lib/classes/late";
import { zonedLocalToUtc } from "@/lib/classes/zoned-time";

const d = (s: string) => new Date(s);

describe("isLate across a time-zone boundary", () => {
  it("winter: due 23:59 PST on 31 Jan is 07:59Z on 1 Feb", () => {
    const dueAt = zonedLocalToUtc("2025-01-31T23:59", "America/Los_Angeles");
    expect(dueAt).toEqual(d("2025-02-01T07:59:00Z")); // 23:59 + 8 h
    expect(isLate(d("2025-02-01T06:30:00Z"), dueAt)).toBe(false); // 22:30 PST on the 31st
    expect(isLate(d("2025-02-01T08:00:00Z"), dueAt)).toBe(true); // 00:00 PST on the 1st
  });

  it("summer: due 23:59 PDT on 14 Mar is 06:59Z on 15 Mar", () => {
    const dueAt = zonedLocalToUtc("2025-03-14T23:59", "America/Los_Angeles");
    expect(dueAt).toEqual(d("2025-03-15T06:59:00Z")); // 23:59 + 7 h
    expect(isLate(d("2025-03-15T06:30:00Z"), dueAt)).toBe(false);
    expect(isLate(d("2025-03-15T08:00:00Z"), dueAt)).toBe(true);
  });

  it("is strictly after: the due instant itself is on time", () => {
    const dueAt = d("2025-03-15T06:59:00Z");
    expect(isLate(dueAt, dueAt)).toBe(false);
    expect(isLate(d("2025-03-15T06:59:00.001Z"), dueAt)).toBe(true);
  });
});

describe("assignmentStatus — review", () => {
  const dueAt = d("2025-03-15T06:59:00Z");
  const before = d("2025-03-14T12:00:00Z");
  const after = d("2025-03-16T12:00:00Z");
  const review = (now: Date, totalCards: number, firstStudiedAt: Date[]) =>
    assignmentStatus({ kind: "review", dueAt, now, progress: { totalCards, firstStudiedAt } });

  it("not started, then in progress with studied ÷ total", () => {
    expect(review(before, 3, [])).toEqual({ status: "not-started", late: false, progress: 0, completedAt: null });
    expect(review(before, 3, [d("2025-03-13T10:00:00Z")])).toEqual({ status: "in-progress", late: false, progress: 1 / 3, completedAt: null });
  });

  it("done when every card has been studied; completed when the last one was first studied", () => {
    const firsts = [d("2025-03-10T10:00:00Z"), d("2025-03-12T09:00:00Z"), d("2025-03-11T09:00:00Z")];
    expect(review(after, 3, firsts)).toEqual({ status: "done", late: false, progress: 1, completedAt: d("2025-03-12T09:00:00Z") });
  });

  it("done late when the last card came after the due date", () => {
    const firsts = [d("2025-03-10T10:00:00Z"), d("2025-03-15T07:30:00Z")];
    expect(review(after, 2, firsts)).toEqual({ status: "done", late: true, progress: 1, completedAt: d("2025-03-15T07:30:00Z") });
  });

  it("missing (status late) when not done after the due date, keeping the progress", () => {
    expect(review(after, 3, [d("2025-03-13T10:00:00Z"), d("2025-03-13T10:01:00Z")])).toEqual({
      status: "late",
      late: true,
      progress: 2 / 3,
      completedAt: null,
    });
    // at the due instant itself it is not late yet
    expect(review(dueAt, 3, []).status).toBe("not-started");
  });

  it("an empty deck is done, on time", () => {
    expect(review(after, 0, [])).toEqual({ status: "done", late: false, progress: 1, completedAt: null });
  });
});

describe("assignmentStatus — quiz", () => {
  const dueAt = d("2025-03-15T06:59:00Z");
  const after = d("2025-03-16T12:00:00Z");
  const quiz = (now: Date, attempts: { startedAt: Date; finishedAt: Date | null }[]) =>
    assignmentStatus({ kind: "quiz", dueAt, now, progress: { attempts } });

  it("not started / in progress before the due date", () => {
    expect(quiz(d("2025-03-14T00:00:00Z"), [])).toEqual({ status: "not-started", late: false, progress: 0, completedAt: null });
    expect(quiz(d("2025-03-14T00:00:00Z"), [{ startedAt: d("2025-03-13T09:00:00Z"), finishedAt: null }])).toEqual({
      status: "in-progress",
      late: false,
      progress: 0,
      completedAt: null,
    });
  });

  it("done on time when the first finish is on time, whatever later retakes do", () => {
    expect(
      quiz(after, [
        { startedAt: d("2025-03-15T09:00:00Z"), finishedAt: d("2025-03-15T09:10:00Z") },
        { startedAt: d("2025-03-14T18:00:00Z"), finishedAt: d("2025-03-14T18:12:00Z") },
      ]),
    ).toEqual({ status: "done", late: false, progress: 1, completedAt: d("2025-03-14T18:12:00Z") });
  });

  it("done late when started before and finished after the due date", () => {
    expect(quiz(after, [{ startedAt: d("2025-03-15T06:50:00Z"), finishedAt: d("2025-03-15T07:05:00Z") }])).toEqual({
      status: "done",
      late: true,
      progress: 1,
      completedAt: d("2025-03-15T07:05:00Z"),
    });
  });

  it("missing after the due date, started or not", () => {
    expect(quiz(after, [])).toEqual({ status: "late", late: true, progress: 0, completedAt: null });
    expect(quiz(after, [{ startedAt: d("2025-03-15T05:00:00Z"), finishedAt: null }]).status).toBe("late");
  });
});
