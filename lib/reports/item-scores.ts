import { answerCredit } from "@/lib/quiz/answer-credit";
import type { StudentItemScores } from "./item-analysis";

/** One student's attempt as item analysis reads it: the questions as shown, and the answers given. */
export type AttemptForItems<Q extends { id: string; factIds: readonly string[] }> = {
  studentId: string;
  questions: readonly Q[];
  answers: readonly { questionId: string; correct: boolean; partial: number }[];
};

export type ItemScores<Q> = {
  /** Question ids in first-seen order, and each question as first seen. */
  questionOrder: string[];
  questions: Map<string, Q>;
  /** Fact ids in first-seen order, and how many distinct questions asked about each. */
  factOrder: string[];
  questionsOnFact: Map<string, number>;
  /**
   * Questions shown in a finished attempt and never answered (left after
   * "Stop here" or when time ran out), per question and per fact: counted
   * here, not as wrong, and left out of that item's statistics.
   */
  unansweredByQuestion: Map<string, number>;
  unansweredByFact: Map<string, number>;
  /** Per student: scores by question, and by fact — the input of `analyseItems`. */
  byQuestion: StudentItemScores[];
  byFact: StudentItemScores[];
};

/**
 * The scores item analysis runs on, by question and by fact. An answered
 * question scores its `answerCredit` (a blank sent counts 0); a question
 * with no answer at all is *unanswered*: counted in `unansweredByQuestion`
 * and left out of the student's scores, so it does not read as "very hard".
 * A student's score on a fact is the mean of their scores on the answered
 * questions of their attempt that ask about it (a timeline or matching
 * question counts for each of its facts); a fact whose questions they all
 * left unanswered is unanswered for them. `total` is the student's share of
 * the attempt's points (unanswered questions earn none), so attempts of
 * different lengths compare.
 */
export function itemScores<Q extends { id: string; factIds: readonly string[] }>(attempts: readonly AttemptForItems<Q>[]): ItemScores<Q> {
  const questionOrder: string[] = [];
  const questions = new Map<string, Q>();
  const factOrder: string[] = [];
  const questionIdsOnFact = new Map<string, Set<string>>();
  const byQuestion: StudentItemScores[] = [];
  const byFact: StudentItemScores[] = [];
  const unansweredByQuestion = new Map<string, number>();
  const unansweredByFact = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const attempt of attempts) {
    const given = new Map(attempt.answers.map((x) => [x.questionId, x]));
    const scores: Record<string, number> = {};
    const onFact = new Map<string, { sum: number; n: number }>();
    let total = 0;
    for (const q of attempt.questions) {
      if (!questions.has(q.id)) {
        questions.set(q.id, q);
        questionOrder.push(q.id);
      }
      const g = given.get(q.id);
      const s = g ? answerCredit(g) : 0;
      if (g) scores[q.id] = s;
      else bump(unansweredByQuestion, q.id);
      total += s;
      const factsOfQ = new Set(q.factIds);
      for (const f of factsOfQ) {
        let ids = questionIdsOnFact.get(f);
        if (!ids) {
          questionIdsOnFact.set(f, (ids = new Set()));
          factOrder.push(f);
        }
        ids.add(q.id);
        if (!g) continue;
        const acc = onFact.get(f) ?? { sum: 0, n: 0 };
        acc.sum += s;
        acc.n += 1;
        onFact.set(f, acc);
      }
    }
    // A fact is unanswered for this student when they answered none of its questions.
    const shownFacts = new Set(attempt.questions.flatMap((q) => q.factIds));
    for (const f of shownFacts) if (!onFact.has(f)) bump(unansweredByFact, f);
    const share = attempt.questions.length ? total / attempt.questions.length : 0;
    byQuestion.push({ studentId: attempt.studentId, total: share, scores });
    byFact.push({ studentId: attempt.studentId, total: share, scores: Object.fromEntries([...onFact].map(([f, acc]) => [f, acc.sum / acc.n])) });
  }
  const questionsOnFact = new Map([...questionIdsOnFact].map(([f, ids]) => [f, ids.size]));
  return { questionOrder, questions, factOrder, questionsOnFact, unansweredByQuestion, unansweredByFact, byQuestion, byFact };
}
