import { describe, expect, it } from "vitest";
import { needsPastDueConfirmation, parseAssignmentForm, PAST_DUE_MESSAGE, safeParseAssignmentForm, type AssignmentFormContext } from "@/lib/classes/assignment-form";

const ctx: AssignmentFormContext = {
  timeZone: "America/Los_Angeles",
  decks: [
    { id: "deck-1", title: "Karabakh 2020" },
    { id: "deck-2", title: "Phone calls" },
  ],
};

// LA is PST (−8 h) until 2025-03-09 02:00, PDT (−7 h) after.
const review = { kind: "review", deckId: "deck-1", title: "", openAt: "2025-03-03T08:00", dueAt: "2025-03-10T23:59" };
const quiz = {
  kind: "quiz",
  deckId: "deck-2",
  title: "  Quiz 1 ",
  openAt: "2025-03-03T08:00",
  dueAt: "2025-03-14T23:59",
  questionCount: "20",
  types: ["matching", "multiple-choice", "matching"],
  timeLimitMinutes: "",
  attemptsAllowed: "2",
  feedback: "end",
  shuffle: "on",
  questionSet: "fixed",
  timeMultipliers: { s1: "1.5", s2: "untimed", s3: 2 },
};

const errors = (input: unknown) => {
  const r = safeParseAssignmentForm(input, ctx);
  return r.ok ? {} : r.fieldErrors;
};

describe("assignment form", () => {
  it("parses a review: deck title as default title, local times converted across the DST change", () => {
    expect(parseAssignmentForm(review, ctx)).toEqual({
      kind: "review",
      deckId: "deck-1",
      title: "Karabakh 2020",
      openAt: new Date("2025-03-03T16:00:00Z"), // 08:00 PST + 8 h
      dueAt: new Date("2025-03-11T06:59:00Z"), // 23:59 PDT + 7 h, the next UTC day
      confirmPastDue: false,
    });
  });

  it("parses a quiz from FormData-shaped strings", () => {
    expect(parseAssignmentForm(quiz, ctx)).toEqual({
      kind: "quiz",
      deckId: "deck-2",
      title: "Quiz 1",
      openAt: new Date("2025-03-03T16:00:00Z"),
      dueAt: new Date("2025-03-15T06:59:00Z"),
      questionCount: 20,
      types: ["multiple-choice", "matching"], // deduplicated, in QUESTION_TYPES order
      timeLimitMinutes: null,
      attemptsAllowed: 2,
      feedback: "end",
      shuffle: true,
      questionSet: "fixed",
      timeMultipliers: { s1: 1.5, s2: "untimed", s3: 2 },
      confirmPastDue: false,
    });
  });

  it("accepts JSON values and a single type string; an absent checkbox and no multipliers mean false and {}", () => {
    const r = parseAssignmentForm(
      { ...quiz, questionCount: 50, types: "cloze", timeLimitMinutes: 180, attemptsAllowed: 10, shuffle: undefined, timeMultipliers: undefined, feedback: "immediate", questionSet: "per-student" },
      ctx,
    );
    expect(r).toMatchObject({ questionCount: 50, types: ["cloze"], timeLimitMinutes: 180, attemptsAllowed: 10, shuffle: false, timeMultipliers: {} });
  });

  it("wants the due date strictly after the open date", () => {
    expect(errors({ ...review, dueAt: "2025-03-03T08:00" })).toEqual({ dueAt: "Due date must be after the open date" });
    expect(errors({ ...review, dueAt: "2025-03-01T23:59", title: "x".repeat(121) })).toEqual({
      title: "Keep the title to 120 characters or fewer.",
      dueAt: "Due date must be after the open date",
    });
    // one minute after, across a DST gap: 01:59 PST = 09:59Z; 02:30 does not exist and moves to 03:30 PDT = 10:30Z
    expect(parseAssignmentForm({ ...review, openAt: "2025-03-09T01:59", dueAt: "2025-03-09T02:30" }, ctx).dueAt).toEqual(
      new Date("2025-03-09T10:30:00Z"),
    );
  });

  it("does not compare dates when one of them is unreadable", () => {
    expect(errors({ ...review, openAt: "2025-02-30T08:00" })).toEqual({ openAt: "The open date isn't a real date and time; enter one like 2025-03-14T09:30." });
    expect(errors({ ...review, dueAt: "" })).toEqual({ dueAt: "Enter the due date and time." });
  });

  it("names each wrong quiz setting", () => {
    expect(
      errors({
        ...quiz,
        deckId: "deck-9",
        questionCount: "51",
        types: ["cloze", "essay"],
        timeLimitMinutes: "181",
        attemptsAllowed: "0",
        feedback: "later",
        shuffle: "maybe",
        questionSet: "random",
        timeMultipliers: { s1: "3", s2: 1.5, s3: "" },
      }),
    ).toEqual({
      deckId: "Choose one of this class's decks.",
      questionCount: "The number of questions must be a whole number from 1 to 50.",
      types: 'Choose question types from the list (not "essay").',
      timeLimitMinutes: "The time limit in minutes must be a whole number from 1 to 180.",
      attemptsAllowed: "The number of attempts must be a whole number from 1 to 10.",
      feedback: "Choose when students see feedback: after each answer or at the end.",
      shuffle: "Tick the box or leave it empty.",
      questionSet: "Choose whether each student gets their own questions or everyone gets the same set.",
      "timeMultipliers.s1": "Choose normal time (1×), 1.5×, 2× or untimed.",
      "timeMultipliers.s3": "Choose normal time (1×), 1.5×, 2× or untimed.",
    });
  });

  it("refuses fractional and missing numbers, and an empty type list", () => {
    expect(errors({ ...quiz, questionCount: "2.5", attemptsAllowed: undefined, types: [] })).toEqual({
      questionCount: "The number of questions must be a whole number from 1 to 50.",
      attemptsAllowed: "Enter the number of attempts.",
      types: "Choose at least one question type.",
    });
  });

  it("refuses an unknown kind", () => {
    expect(errors({ ...review, kind: "exam" })).toEqual({ kind: "Choose whether this is a review or a quiz." });
  });
});

describe("a due date in the past", () => {
  // review.dueAt 2025-03-10T23:59 in LA = 2025-03-11T06:59Z
  const due = new Date("2025-03-11T06:59:00Z");
  const at = (iso: string) => ({ ...ctx, now: new Date(iso) });

  it("is refused with the reason when `now` is at or after it, unless confirmed", () => {
    expect(safeParseAssignmentForm(review, at("2025-03-11T06:59:00Z"))).toEqual({ ok: false, fieldErrors: { dueAt: PAST_DUE_MESSAGE } });
    expect(safeParseAssignmentForm(review, at("2025-03-12T00:00:00Z")).ok).toBe(false);
    expect(parseAssignmentForm({ ...review, confirmPastDue: "on" }, at("2025-03-12T00:00:00Z"))).toMatchObject({ dueAt: due, confirmPastDue: true });
  });

  it("is accepted one millisecond before it, and without `now` (no clock, no check)", () => {
    expect(safeParseAssignmentForm(review, at("2025-03-11T06:58:59.999Z")).ok).toBe(true);
    expect(safeParseAssignmentForm(review, ctx).ok).toBe(true);
  });

  it("is not asked about again on an edit that keeps the stored date", () => {
    expect(safeParseAssignmentForm(review, { ...at("2025-03-12T00:00:00Z"), keepDueAt: due }).ok).toBe(true);
    expect(needsPastDueConfirmation({ dueAt: new Date(due.getTime() + 60_000), confirmPastDue: false }, { now: new Date("2025-03-12T00:00:00Z"), keepDueAt: due })).toBe(true);
  });
});
