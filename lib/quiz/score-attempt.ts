import { answerCredit } from "./answer-credit";
import { firstAnswers } from "./first-answers";
import { gradeAnswer } from "./grade";
import type { QuizAnswer, QuizSnapshot } from "./quiz-snapshot";

/**
 * One question's result. `partial` is the credit earned, 0–1: 1 when
 * correct; for a wrong timeline or matching answer the share `gradeAnswer`
 * gives (pairs of events in the right order / pairs matched); 0 otherwise
 * and when unanswered. `given` is null when the question was not answered.
 */
export type QuestionScore = {
  questionId: string;
  correct: boolean;
  partial: number;
  expected: string;
  given: string | null;
  reason?: string;
};

export type AttemptResult = {
  perQuestion: QuestionScore[];
  /** Sum of `partial`, rounded to 2 decimals. */
  score: number;
  /** One point per question. */
  maxScore: number;
  /** round(100 · score / maxScore), 0 for an empty quiz. */
  percent: number;
  answered: number;
};

/**
 * Scores an attempt against its snapshot, question by question in the
 * order shown, with `gradeAnswer`. Each question is worth one point; partial
 * credit comes only from timeline and matching (see QuestionScore). The
 * answer that counts is the first one per question (`firstAnswers`).
 * Throws UnknownQuestion for an answer to a question not in the snapshot.
 */
export function scoreAttempt(snapshot: QuizSnapshot, answers: readonly QuizAnswer[]): AttemptResult {
  const chosen = firstAnswers(snapshot, answers);
  const perQuestion: QuestionScore[] = snapshot.questions.map((q) => {
    const a = chosen.get(q.id);
    if (!a) return { questionId: q.id, correct: false, partial: 0, expected: gradeAnswer(q, undefined).expected, given: null };
    const g = gradeAnswer(q, a.response);
    const partial = answerCredit(g);
    return {
      questionId: q.id,
      correct: g.correct,
      partial,
      expected: g.expected,
      given: g.given,
      ...(g.reason !== undefined ? { reason: g.reason } : {}),
    };
  });
  const raw = perQuestion.reduce((sum, r) => sum + r.partial, 0);
  const maxScore = perQuestion.length;
  return {
    perQuestion,
    score: Math.round(raw * 100) / 100,
    maxScore,
    percent: maxScore ? Math.round((100 * raw) / maxScore) : 0,
    answered: chosen.size,
  };
}
