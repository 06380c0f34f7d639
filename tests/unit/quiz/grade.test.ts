import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/generate/question";
import { gradeAnswer } from "@/lib/quiz/grade";

const base = { id: "q-x", factIds: ["f"], sources: [{ slug: "s", quote: "a quote here" }], explanation: "e" };

describe("gradeAnswer never throws on malformed responses", () => {
  const questions: Question[] = [
    { ...base, type: "multiple-choice", about: "who", prompt: "p", options: ["A", "B", "C"], answer: "B" },
    { ...base, type: "true-false", about: "when", prompt: "p", options: ["True", "False"], answer: "False" },
    { ...base, type: "typed-date", about: "when", prompt: "p", answer: "1994", answerKind: "date", precision: "year", date: "1994" },
    { ...base, type: "short-answer", about: "who", prompt: "p", answer: "Ilham Aliyev", acceptedAnswers: ["Ilham Aliyev", "Aliev"], answerKind: "text" },
    { ...base, type: "timeline", about: "order", prompt: "p", options: ["b", "a", "c", "d"], answer: ["a", "b", "c", "d"] },
    { ...base, type: "matching", about: "date-event", prompt: "p", left: ["x"], right: ["1"], answer: [{ left: "x", right: "1" }] },
  ];
  for (const q of questions) {
    for (const bad of [undefined, null, 42.5, {}, [], [1, 2], { left: 1 }, Symbol.iterator.toString()]) {
      it(`${q.type} with ${String(JSON.stringify(bad))}`, () => {
        const r = gradeAnswer(q, bad);
        expect(r.correct).toBe(false);
        expect(typeof r.expected).toBe("string");
      });
    }
  }

  it("true/false accepts booleans and words", () => {
    const q = questions[1] as Question;
    expect(gradeAnswer(q, false).correct).toBe(true);
    expect(gradeAnswer(q, "false").correct).toBe(true);
    expect(gradeAnswer(q, "No").correct).toBe(true);
    expect(gradeAnswer(q, true).correct).toBe(false);
  });

  it("multiple choice: text or index; a non-option is refused with a reason", () => {
    const q = questions[0] as Question;
    expect(gradeAnswer(q, "b").correct).toBe(true);
    expect(gradeAnswer(q, 1).correct).toBe(true);
    expect(gradeAnswer(q, "D")).toMatchObject({ correct: false, reason: "not one of the options" });
  });

  it("reports expected and given text", () => {
    expect(gradeAnswer(questions[4] as Question, ["a", "b", "d", "c"])).toMatchObject({
      correct: false,
      expected: "a → b → c → d",
      given: '["a","b","d","c"]',
      partial: 5 / 6,
    });
  });
});
