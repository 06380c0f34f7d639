import { describe, expect, it } from "vitest";
import { Conflict, Invalid } from "@/lib/errors";
import type { Question } from "@/lib/generate/question";
import { acceptAnswer, type AnswerContext } from "@/lib/quiz/accept-answer";
import { makeQuizSnapshot } from "@/lib/quiz/quiz-snapshot";
import { UnknownQuestion } from "@/lib/quiz/unknown-question";

const base = { sources: [{ slug: "s", quote: "a quote here" }], explanation: "e" };
const questions: Question[] = [
  { ...base, id: "q1", factIds: ["f1"], type: "multiple-choice", about: "who", prompt: "p", options: ["A", "B", "C"], answer: "B" },
  {
    ...base,
    id: "q2",
    factIds: ["f2"],
    type: "matching",
    about: "date-event",
    prompt: "p",
    left: ["x", "y", "z", "w"],
    right: ["1", "2", "3", "4"],
    answer: [
      { left: "x", right: "1" },
      { left: "y", right: "2" },
      { left: "z", right: "3" },
      { left: "w", right: "4" },
    ],
  },
  { ...base, id: "q3", factIds: ["f3"], type: "short-answer", about: "who", prompt: "p", answer: "Ilham Aliyev", acceptedAnswers: ["Aliyev"], answerKind: "text" },
];
const snapshot = makeQuizSnapshot({ seed: "s1", settings: { count: 3, types: null, feedback: "immediate" }, questions });
const NOW = new Date(Date.UTC(2024, 4, 2, 9, 0));
const open: AnswerContext = { snapshot, answers: [], finishedAt: null, deadlineAt: null, classArchived: false };
const afterQ1: AnswerContext = { ...open, answers: [{ questionId: "q1", position: 0, response: "B" }] };

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("acceptAnswer", () => {
  it("records the next open question with its grade and credit", () => {
    const d = acceptAnswer(open, "q1", "B", NOW);
    expect(d).toMatchObject({ kind: "record", index: 0, remaining: 2, response: "B", partial: 1 });
    expect(d.grade.correct).toBe(true);
    expect(acceptAnswer(open, "q1", "C", NOW)).toMatchObject({ kind: "record", partial: 0, remaining: 2 });
  });

  it("gives partial credit for a half-right matching answer (2 of 4 pairs = 0.5)", () => {
    const pairs = [
      { left: "x", right: "1" },
      { left: "y", right: "2" },
      { left: "z", right: "4" },
      { left: "w", right: "3" },
    ];
    expect(acceptAnswer(afterQ1, "q2", pairs, NOW)).toMatchObject({ kind: "record", index: 1, remaining: 1, partial: 0.5 });
  });

  it("replays the stored outcome for the same response, refuses another one", () => {
    expect(acceptAnswer(afterQ1, "q1", "B", NOW)).toMatchObject({ kind: "replay", index: 0, remaining: 2 });
    const e = thrown(() => acceptAnswer(afterQ1, "q1", "A", NOW));
    expect(e).toBeInstanceOf(Conflict);
    expect((e as Error).message).toBe("This question was already answered; the first answer counts.");
  });

  it("replays even once the attempt is finished or archived: the outcome was already given", () => {
    expect(acceptAnswer({ ...afterQ1, finishedAt: NOW, classArchived: true }, "q1", "B", NOW).kind).toBe("replay");
  });

  it("refuses an unknown question as Invalid on questionId", () => {
    const e = thrown(() => acceptAnswer(open, "q-nope", "x", NOW));
    expect(e).toBeInstanceOf(UnknownQuestion);
    expect(e).toBeInstanceOf(Invalid);
    expect((e as Invalid).fieldErrors).toEqual({ questionId: "That question is not part of this quiz." });
  });

  it("refuses answers out of order, after finishing, after the deadline and in an archived class", () => {
    expect((thrown(() => acceptAnswer(open, "q2", [], NOW)) as Error).message).toBe("Answer question 1 first.");
    expect((thrown(() => acceptAnswer({ ...open, finishedAt: NOW }, "q1", "B", NOW)) as Error).message).toMatch(/finished/);
    const deadline = { ...open, deadlineAt: new Date(NOW.getTime() - 1) };
    expect(thrown(() => acceptAnswer(deadline, "q1", "B", NOW))).toBeInstanceOf(Conflict);
    // At the deadline itself the answer is still in time.
    expect(acceptAnswer({ ...open, deadlineAt: NOW }, "q1", "B", NOW).kind).toBe("record");
    expect((thrown(() => acceptAnswer({ ...open, classArchived: true }, "q1", "B", NOW)) as Error).message).toMatch(/archived/);
  });

  it("refuses a response it cannot read, but takes a blank typed answer as wrong", () => {
    const twoDone: AnswerContext = { ...open, answers: [...afterQ1.answers, { questionId: "q2", position: 1, response: [] }] };
    expect(acceptAnswer(twoDone, "q3", "   ", NOW)).toMatchObject({ kind: "record", response: "", partial: 0, remaining: 0 });
    expect(acceptAnswer(twoDone, "q3", "aliyev", NOW)).toMatchObject({ kind: "record", partial: 1 });
    const e = thrown(() => acceptAnswer(afterQ1, "q2", [{ left: "x", right: "9" }], NOW));
    expect(e).toBeInstanceOf(Invalid);
    expect((e as Invalid).fieldErrors).toEqual({ response: "Match each item on the left with one of the offered answers." });
    expect((thrown(() => acceptAnswer(afterQ1, "q2", [{ left: "x", right: "1" }], NOW)) as Error).message).toBe("Match every item.");
    expect((thrown(() => acceptAnswer(open, "q1", "D", NOW)) as Error).message).toBe("Your answer could not be read: not one of the options.");
  });
});
