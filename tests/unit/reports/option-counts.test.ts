import { describe, expect, it } from "vitest";
import { choiceOptions, optionCounts } from "@/lib/reports/option-counts";

const mc = { id: "mc", type: "multiple-choice", options: ["Moscow", "Yerevan", "Baku"], answer: "Moscow" };
const tf = { id: "tf", type: "true-false", answer: "False" };
const typed = { id: "ty", type: "short-answer", answer: "Sochi" };
const timeline = { id: "tl", type: "timeline", options: ["a", "b"], answer: ["a", "b"] };

describe("optionCounts", () => {
  it("counts each option picked, marks the key, and keeps unanswered apart from wrong", () => {
    const rows = optionCounts([
      { questions: [mc, tf, typed], answers: [{ questionId: "mc", response: "Yerevan" }, { questionId: "tf", response: false }, { questionId: "ty", response: "x" }] },
      { questions: [mc, tf], answers: [{ questionId: "mc", response: 0 }, { questionId: "tf", response: "true" }] },
      { questions: [mc, tf], answers: [{ questionId: "mc", response: " yerevan " }] }, // tf left after "Stop here"
      { questions: [mc], answers: [{ questionId: "mc", response: "Paris" }] },
    ]);
    expect(rows).toEqual([
      {
        questionId: "mc",
        options: [
          { option: "Moscow", correct: true, count: 1 },
          { option: "Yerevan", correct: false, count: 2 },
          { option: "Baku", correct: false, count: 0 },
        ],
        other: 1,
        unanswered: 0,
        answered: 4,
      },
      {
        questionId: "tf",
        options: [
          { option: "True", correct: false, count: 1 },
          { option: "False", correct: true, count: 1 },
        ],
        other: 0,
        unanswered: 1,
        answered: 2,
      },
    ]);
  });

  it("only choice questions have options to count", () => {
    expect(choiceOptions(typed)).toBeNull();
    expect(choiceOptions(timeline)).toBeNull();
    expect(choiceOptions(tf)).toEqual(["True", "False"]);
  });
});
