import { describe, expect, it } from "vitest";
import { itemScores } from "@/lib/reports/item-scores";

const q = (id: string, ...factIds: string[]) => ({ id, factIds });

describe("itemScores", () => {
  it("scores each question by its credit and each fact by the mean over the student's questions on it", () => {
    const r = itemScores([
      {
        studentId: "ani",
        questions: [q("q1", "f1"), q("q2", "f1", "f2"), q("q3", "f3")],
        answers: [
          { questionId: "q1", correct: true, partial: 1 },
          { questionId: "q2", correct: false, partial: 0.5 },
          // q3 never answered (after "Stop here"): unanswered, not wrong
        ],
      },
      {
        studentId: "boris",
        questions: [q("q4", "f2"), q("q2", "f1", "f2")],
        answers: [
          { questionId: "q4", correct: false, partial: 1.5 }, // clamped to 1
          { questionId: "q2", correct: true, partial: 0 },
        ],
      },
    ]);
    expect(r.questionOrder).toEqual(["q1", "q2", "q3", "q4"]);
    expect(r.factOrder).toEqual(["f1", "f2", "f3"]);
    expect(Object.fromEntries(r.questionsOnFact)).toEqual({ f1: 2, f2: 2, f3: 1 });
    expect(r.byQuestion).toEqual([
      { studentId: "ani", total: 1.5 / 3, scores: { q1: 1, q2: 0.5 } },
      { studentId: "boris", total: 2 / 2, scores: { q4: 1, q2: 1 } },
    ]);
    expect(r.byFact).toEqual([
      // f1: (1 + 0.5) / 2; f2: q2 only; f3: only q3, unanswered, so no score.
      { studentId: "ani", total: 0.5, scores: { f1: 0.75, f2: 0.5 } },
      { studentId: "boris", total: 1, scores: { f2: 1, f1: 1 } },
    ]);
    expect(Object.fromEntries(r.unansweredByQuestion)).toEqual({ q3: 1 });
    expect(Object.fromEntries(r.unansweredByFact)).toEqual({ f3: 1 });
  });

  it("a blank answer sent is wrong (0), a question never answered is unanswered", () => {
    const r = itemScores([
      { studentId: "a", questions: [q("q1", "f1"), q("q2", "f1")], answers: [{ questionId: "q1", correct: false, partial: 0 }] },
      { studentId: "b", questions: [q("q1", "f1"), q("q2", "f1")], answers: [] },
    ]);
    expect(r.byQuestion.map((s) => s.scores)).toEqual([{ q1: 0 }, {}]);
    expect(r.byFact.map((s) => s.scores)).toEqual([{ f1: 0 }, {}]);
    expect(Object.fromEntries(r.unansweredByQuestion)).toEqual({ q2: 2, q1: 1 });
    expect(Object.fromEntries(r.unansweredByFact)).toEqual({ f1: 1 });
  });

  it("counts a question listing a fact twice once for that fact, and an empty attempt as 0", () => {
    const r = itemScores([
      { studentId: "a", questions: [q("q1", "f1", "f1")], answers: [{ questionId: "q1", correct: false, partial: 0.25 }] },
      { studentId: "b", questions: [], answers: [] },
    ]);
    expect(r.byFact[0]).toEqual({ studentId: "a", total: 0.25, scores: { f1: 0.25 } });
    expect(r.byQuestion[1]).toEqual({ studentId: "b", total: 0, scores: {} });
  });
});
