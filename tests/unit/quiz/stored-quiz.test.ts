import { describe, expect, it } from "vitest";
import { parseStored, storedQuizSettingsSchema, storedQuizSnapshotSchema, storedResponseSchema } from "@/lib/quiz/stored-quiz";

const question = {
  id: "q1",
  type: "true-false",
  prompt: "True or false?",
  options: ["true", "false"],
  answer: "true",
  factIds: ["f1"],
  sources: [{ slug: "s1", quote: "A quote." }],
  explanation: "Because.",
  about: "claim",
  futureHint: 3,
};

describe("stored quiz JSON", () => {
  it("reads a snapshot back, keeping fields it does not check", () => {
    const snap = parseStored(storedQuizSnapshotSchema, JSON.stringify({ seed: "s", settings: { count: 1, types: null, feedback: "end" }, questions: [question] }));
    expect(snap.questions[0]).toEqual(question);
    expect(snap.settings).toEqual({ count: 1, types: null, feedback: "end" });
  });

  it("refuses a snapshot whose question lacks what the grader reads, and unknown settings", () => {
    const { answer: _a, ...noAnswer } = question;
    expect(() => parseStored(storedQuizSnapshotSchema, JSON.stringify({ seed: "s", settings: { count: 1, types: null, feedback: "end" }, questions: [noAnswer] }))).toThrow();
    expect(() => parseStored(storedQuizSettingsSchema, JSON.stringify({ count: 1, types: ["essay"], feedback: "end" }))).toThrow();
    expect(() => parseStored(storedQuizSettingsSchema, JSON.stringify({ count: 1, types: null, feedback: "later" }))).toThrow();
  });

  it("reads any JSON response as stored", () => {
    expect(parseStored(storedResponseSchema, JSON.stringify([{ left: "a", right: "b" }]))).toEqual([{ left: "a", right: "b" }]);
    expect(parseStored(storedResponseSchema, '""')).toBe("");
  });
});
