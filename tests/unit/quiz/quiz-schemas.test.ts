import { describe, expect, it } from "vitest";
import { answerSubmissionSchema } from "@/lib/quiz/answer-submission-schema";
import { quizStartSchema } from "@/lib/quiz/quiz-start-schema";

describe("quizStartSchema", () => {
  it("defaults: 10 questions, all types, immediate feedback", () => {
    expect(quizStartSchema.parse({ deckId: "karabakh" })).toEqual({ deckId: "karabakh", count: 10, feedback: "immediate" });
  });
  it("accepts 1–50 (also as a form string) and a subset of types", () => {
    expect(quizStartSchema.parse({ deckId: "d", count: "50", types: ["timeline", "cloze"], feedback: "end" })).toEqual({
      deckId: "d",
      count: 50,
      types: ["timeline", "cloze"],
      feedback: "end",
    });
    expect(quizStartSchema.parse({ deckId: "d", count: 1 }).count).toBe(1);
  });
  it.each([
    [{ deckId: "" }],
    [{ deckId: "d", count: 0 }],
    [{ deckId: "d", count: 51 }],
    [{ deckId: "d", count: 2.5 }],
    [{ deckId: "d", count: "ten" }],
    [{ deckId: "d", types: [] }],
    [{ deckId: "d", types: ["essay"] }],
    [{ deckId: "d", types: ["cloze", "cloze"] }],
    [{ deckId: "d", feedback: "never" }],
  ])("refuses %j", (input) => {
    expect(quizStartSchema.safeParse(input).success).toBe(false);
  });
});

describe("answerSubmissionSchema", () => {
  const ids = { attemptId: "a1", questionId: "q1" };
  it.each([[""], ["Ilham Aliyev"], [["a", "b", "c"]], [[{ left: "x", right: "1" }]]])("accepts %j", (response) => {
    expect(answerSubmissionSchema.parse({ ...ids, response })).toEqual({ ...ids, response });
  });
  it.each([
    [{ ...ids, response: "x".repeat(501) }],
    [{ ...ids, response: [] }],
    [{ ...ids, response: Array.from({ length: 21 }, (_, i) => String(i)) }],
    [{ ...ids, response: [{ left: "x" }] }],
    [{ ...ids, response: [{ left: "x", right: "1", extra: true }] }],
    [{ ...ids, response: 3 }],
    [{ ...ids, response: { x: "1" } }],
    [{ attemptId: "", questionId: "q1", response: "x" }],
    [{ attemptId: "a1", response: "x" }],
  ])("refuses %j", (input) => {
    expect(answerSubmissionSchema.safeParse(input).success).toBe(false);
  });
});
