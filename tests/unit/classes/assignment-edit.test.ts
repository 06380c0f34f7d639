import { describe, expect, it } from "vitest";
import { assignmentEditProblems, type AssignmentActivity } from "@/lib/classes/assignment-edit";
import type { AssignmentForm, QuizAssignmentForm } from "@/lib/classes/assignment-form";

const now = new Date("2026-03-05T10:00:00Z");
const quiz: QuizAssignmentForm = {
  kind: "quiz",
  deckId: "d1",
  title: "Quiz",
  openAt: new Date("2026-03-01T08:00:00Z"),
  dueAt: new Date("2026-03-10T12:00:00Z"),
  confirmPastDue: false,
  questionCount: 5,
  types: ["multiple-choice", "cloze"],
  timeLimitMinutes: 10,
  attemptsAllowed: 2,
  feedback: "immediate",
  shuffle: true,
  questionSet: "fixed",
  timeMultipliers: {},
};
const nobody: AssignmentActivity = { studentsStarted: 0, mostAttempts: 0, firstStartedAt: null, now };
const started: AssignmentActivity = { studentsStarted: 3, mostAttempts: 2, firstStartedAt: new Date("2026-03-02T09:00:00Z"), now };

describe("assignmentEditProblems", () => {
  it("lets anything but the kind change while nobody has started", () => {
    const after: AssignmentForm = { ...quiz, deckId: "d2", questionCount: 9, types: ["cloze"], questionSet: "per-student", shuffle: false, attemptsAllowed: 1, openAt: new Date("2026-03-06T00:00:00Z") };
    expect(assignmentEditProblems(quiz, after, nobody)).toEqual({});
    expect(Object.keys(assignmentEditProblems(quiz, { kind: "review", deckId: "d1", title: "x", openAt: quiz.openAt, dueAt: quiz.dueAt, confirmPastDue: false }, nobody))).toEqual(["kind"]);
  });

  it("keeps the questions once students have started, naming each field with the reason", () => {
    const p = assignmentEditProblems(quiz, { ...quiz, deckId: "d2", questionCount: 6, types: ["cloze"], questionSet: "per-student", shuffle: false }, started);
    expect(Object.keys(p).sort()).toEqual(["deckId", "questionCount", "questionSet", "shuffle", "types"]);
    expect(p.deckId).toMatch(/^3 students have started this quiz; their answers are to the current questions/);
  });

  it("allows the title, due date, time limit, feedback and extra time after starts", () => {
    const after = { ...quiz, title: "Renamed", dueAt: new Date("2026-03-20T00:00:00Z"), timeLimitMinutes: null, feedback: "end" as const, timeMultipliers: { s1: 2 as const }, attemptsAllowed: 3 };
    expect(assignmentEditProblems(quiz, after, started)).toEqual({});
  });

  it("refuses fewer attempts than a student has used, and an open date after the first start", () => {
    expect(assignmentEditProblems(quiz, { ...quiz, attemptsAllowed: 1 }, started)).toEqual({ attemptsAllowed: "A student has already started 2 attempts; allow at least 2." });
    expect(assignmentEditProblems(quiz, { ...quiz, openAt: new Date("2026-03-02T09:00:00Z") }, started)).toEqual({});
    expect(Object.keys(assignmentEditProblems(quiz, { ...quiz, openAt: new Date("2026-03-02T09:00:00.001Z") }, started))).toEqual(["openAt"]);
  });

  it("a review's deck stays once it has opened", () => {
    const review: AssignmentForm = { kind: "review", deckId: "d1", title: "R", openAt: new Date("2026-03-05T10:00:00Z"), dueAt: quiz.dueAt, confirmPastDue: false };
    expect(Object.keys(assignmentEditProblems(review, { ...review, deckId: "d2" }, nobody))).toEqual(["deckId"]);
    const later = { ...review, openAt: new Date("2026-03-05T10:00:00.001Z") };
    expect(assignmentEditProblems(later, { ...later, deckId: "d2" }, nobody)).toEqual({});
  });
});
