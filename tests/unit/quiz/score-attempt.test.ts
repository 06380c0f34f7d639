import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/generate/question";
import { attemptDuration } from "@/lib/quiz/attempt-duration";
import { findQuestion } from "@/lib/quiz/find-question";
import { missedFactIds } from "@/lib/quiz/missed-fact-ids";
import { nextUnansweredIndex } from "@/lib/quiz/next-unanswered-index";
import { InvalidQuizSnapshot, type QuizAnswer, makeQuizSnapshot } from "@/lib/quiz/quiz-snapshot";
import { scoreAttempt } from "@/lib/quiz/score-attempt";
import { UnknownQuestion } from "@/lib/quiz/unknown-question";

const base = { sources: [{ slug: "s", quote: "a quote here" }], explanation: "e" };
const questions: Question[] = [
  { ...base, id: "q1", factIds: ["f1"], type: "multiple-choice", about: "who", prompt: "p", options: ["A", "B", "C"], answer: "B" },
  { ...base, id: "q2", factIds: ["f2", "f3"], type: "timeline", about: "order", prompt: "p", options: ["c", "a", "d", "b"], answer: ["a", "b", "c", "d"] },
  {
    ...base,
    id: "q3",
    factIds: ["f3", "f4"],
    type: "matching",
    about: "date-event",
    prompt: "p",
    left: ["x", "y", "z"],
    right: ["1", "2", "3"],
    answer: [
      { left: "x", right: "1" },
      { left: "y", right: "2" },
      { left: "z", right: "3" },
    ],
  },
  { ...base, id: "q4", factIds: ["f5"], type: "short-answer", about: "who", prompt: "p", answer: "Ilham Aliyev", acceptedAnswers: ["Aliyev"], answerKind: "text" },
  { ...base, id: "q5", factIds: ["f6"], type: "true-false", about: "when", prompt: "p", options: ["True", "False"], answer: "False" },
];
const snapshot = makeQuizSnapshot({ seed: "s1", settings: { count: 5, types: null, feedback: "end" }, questions });
const t = (min: number): Date => new Date(Date.UTC(2024, 4, 2, 9, min));

const answers: QuizAnswer[] = [
  { questionId: "q2", response: ["b", "a", "c", "d"], answeredAt: t(2) },
  { questionId: "q1", response: "A", answeredAt: t(9) }, // a later second answer: ignored
  { questionId: "q1", response: "b", answeredAt: t(1) },
  {
    questionId: "q3",
    response: [
      { left: "x", right: "1" },
      { left: "y", right: "3" },
      { left: "z", right: "3" },
    ],
    answeredAt: t(3),
  },
  { questionId: "q4", response: "Pashinyan", answeredAt: t(4) },
];

describe("scoreAttempt", () => {
  it("one point a question; partial credit for timeline (5 of 6 pairs in order) and matching (2 of 3)", () => {
    expect(scoreAttempt(snapshot, answers)).toEqual({
      perQuestion: [
        { questionId: "q1", correct: true, partial: 1, expected: "B", given: "b" },
        { questionId: "q2", correct: false, partial: 5 / 6, expected: "a → b → c → d", given: '["b","a","c","d"]' },
        { questionId: "q3", correct: false, partial: 2 / 3, expected: "x = 1; y = 2; z = 3", given: '[{"left":"x","right":"1"},{"left":"y","right":"3"},{"left":"z","right":"3"}]' },
        { questionId: "q4", correct: false, partial: 0, expected: "Ilham Aliyev", given: "Pashinyan" },
        { questionId: "q5", correct: false, partial: 0, expected: "False", given: null },
      ],
      score: 2.5, // 1 + 5/6 + 2/3
      maxScore: 5,
      percent: 50,
      answered: 4,
    });
  });

  it("keeps gradeAnswer's reason for a refused response", () => {
    const r = scoreAttempt(snapshot, [{ questionId: "q1", response: "D", answeredAt: t(1) }]);
    expect(r.perQuestion[0]).toEqual({ questionId: "q1", correct: false, partial: 0, expected: "B", given: "D", reason: "not one of the options" });
    expect(r).toMatchObject({ score: 0, percent: 0, answered: 1 });
  });

  it("all right: 100 %; nothing answered: 0", () => {
    const all: QuizAnswer[] = [
      { questionId: "q1", response: "B", answeredAt: t(1) },
      { questionId: "q2", response: ["a", "b", "c", "d"], answeredAt: t(2) },
      { questionId: "q3", response: { x: "1", y: "2", z: "3" }, answeredAt: t(3) },
      { questionId: "q4", response: "aliyev", answeredAt: t(4) },
      { questionId: "q5", response: "false", answeredAt: t(5) },
    ];
    expect(scoreAttempt(snapshot, all)).toMatchObject({ score: 5, maxScore: 5, percent: 100, answered: 5 });
    expect(scoreAttempt(snapshot, [])).toMatchObject({ score: 0, maxScore: 5, percent: 0, answered: 0 });
  });

  it("refuses an answer to a question that is not in the quiz", () => {
    expect(() => scoreAttempt(snapshot, [{ questionId: "q9", response: "x", answeredAt: t(1) }])).toThrow(UnknownQuestion);
    expect(() => findQuestion(snapshot, "q9")).toThrow(UnknownQuestion);
    expect(findQuestion(snapshot, "q3").index).toBe(2);
  });
});

describe("missedFactIds", () => {
  it("facts of questions wrong, partly right or unanswered at finish; each once, in question order", () => {
    expect(missedFactIds(scoreAttempt(snapshot, answers), snapshot)).toEqual(["f2", "f3", "f4", "f5", "f6"]);
    expect(missedFactIds(scoreAttempt(snapshot, []), snapshot)).toEqual(["f1", "f2", "f3", "f4", "f5", "f6"]);
  });
});

describe("resume and timing", () => {
  it("nextUnansweredIndex: the first gap in the order shown, null when done", () => {
    expect(nextUnansweredIndex(snapshot, [])).toBe(0);
    expect(nextUnansweredIndex(snapshot, [{ questionId: "q1" }, { questionId: "q3" }])).toBe(1);
    expect(nextUnansweredIndex(snapshot, answers)).toBe(4);
    expect(nextUnansweredIndex(snapshot, questions.map((q) => ({ questionId: q.id })))).toBeNull();
  });

  it("attemptDuration: finished − started, or now − started while open, never negative", () => {
    expect(attemptDuration(t(0), t(7), t(30))).toBe(7 * 60_000);
    expect(attemptDuration(t(0), null, t(30))).toBe(30 * 60_000);
    expect(attemptDuration(t(5), null, t(0))).toBe(0);
  });
});

describe("makeQuizSnapshot", () => {
  it("copies the questions and refuses empty quizzes and repeated ids", () => {
    expect(snapshot.questions).toEqual(questions);
    expect(snapshot.questions[0]).not.toBe(questions[0]);
    expect(() => makeQuizSnapshot({ seed: "s", settings: { count: 1, types: null, feedback: "end" }, questions: [] })).toThrow(InvalidQuizSnapshot);
    const q1 = questions[0] as Question;
    expect(() => makeQuizSnapshot({ seed: "s", settings: { count: 2, types: null, feedback: "end" }, questions: [q1, q1] })).toThrow(InvalidQuizSnapshot);
  });
});
