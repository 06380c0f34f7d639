import { InvalidReportInput } from "./invalid-report-input";

/**
 * Predicted recall at or above which a student with no quiz answer on a fact
 * is taken to know it: FSRS's default desired retention (ts-fsrs
 * `request_retention` 0.9), the level the scheduler itself aims to keep.
 */
export const KNOWS_RECALL_MIN = 0.9;

/** One graded quiz answer about a fact (a question citing several facts gives one row per fact). */
export type FactAnswerRow = { studentId: string; factId: string; answeredAt: Date; correct: boolean };

/**
 * FSRS predicted recall (retrievability, 0..1) of one of a student's cards
 * for a fact at the report's `now`; null or absent when the card is new.
 * Several cards for one fact are averaged per student.
 */
export type FactRecallRow = { studentId: string; factId: string; retrievability: number | null };

export type FactKnowledgeInput = {
  factIds: readonly string[];
  /** The class: only these students count, and they are the denominator of `knowsShare`. */
  studentIds: readonly string[];
  answers: readonly FactAnswerRow[];
  recalls: readonly FactRecallRow[];
};

export type FactKnowledgeRow = {
  factId: string;
  /** Correct ÷ all quiz answers about the fact by the class; null with no answers. */
  quizCorrectShare: number | null;
  quizAnswers: number;
  /** Mean over students with a recall value of their (per-fact averaged) recall; null when none. */
  meanRecall: number | null;
  recallStudents: number;
  /** Students who know the fact (rule in `factKnowledge`). */
  knowsCount: number;
  /** Students with any evidence: a quiz answer or a recall value. */
  evidenceCount: number;
  /** knowsCount ÷ class size; null for an empty class. */
  knowsShare: number | null;
};

/**
 * What the class knows, fact by fact (rows in the order of `factIds`).
 *
 * A student knows a fact when their latest quiz answer on it is correct; if
 * they have never answered a question about it, when their predicted recall
 * is ≥ 0.9. A quiz answer wins over recall because it is an observation,
 * recall a prediction. Equal answer times: an incorrect answer wins (the
 * report errs towards reteaching). A student with no evidence does not know
 * the fact: `knowsShare` divides by the whole class, so a fact nobody has
 * studied shows as unknown rather than vanishing.
 *
 * @throws InvalidReportInput for a retrievability outside 0..1.
 */
export function factKnowledge(input: FactKnowledgeInput): FactKnowledgeRow[] {
  const classSet = new Set(input.studentIds);
  const facts = new Set(input.factIds);
  // fact → student → value: nested maps, so no composite key string is built per row.
  const perFact = <T>(m: Map<string, Map<string, T>>, factId: string): Map<string, T> => {
    let inner = m.get(factId);
    if (!inner) m.set(factId, (inner = new Map()));
    return inner;
  };

  const latest = new Map<string, Map<string, FactAnswerRow>>();
  const tally = new Map<string, { correct: number; all: number }>();
  for (const a of input.answers) {
    if (!classSet.has(a.studentId) || !facts.has(a.factId)) continue;
    const t = tally.get(a.factId) ?? { correct: 0, all: 0 };
    t.all += 1;
    if (a.correct) t.correct += 1;
    tally.set(a.factId, t);
    const byStudent = perFact(latest, a.factId);
    const prev = byStudent.get(a.studentId);
    const dt = prev ? a.answeredAt.getTime() - prev.answeredAt.getTime() : 1;
    if (dt > 0 || (dt === 0 && prev?.correct === true && !a.correct)) byStudent.set(a.studentId, a);
  }

  const recallSums = new Map<string, Map<string, { sum: number; n: number }>>();
  const issues: string[] = [];
  for (const r of input.recalls) {
    if (r.retrievability === null || !classSet.has(r.studentId) || !facts.has(r.factId)) continue;
    if (!(r.retrievability >= 0 && r.retrievability <= 1)) {
      issues.push(`${r.studentId} on ${r.factId}: retrievability must be in 0..1, got ${r.retrievability}`);
      continue;
    }
    const byStudent = perFact(recallSums, r.factId);
    const s = byStudent.get(r.studentId);
    if (s) {
      s.sum += r.retrievability;
      s.n += 1;
    } else byStudent.set(r.studentId, { sum: r.retrievability, n: 1 });
  }
  if (issues.length > 0) throw new InvalidReportInput(issues);

  return input.factIds.map((factId) => {
    let recallTotal = 0;
    let recallStudents = 0;
    let knowsCount = 0;
    let evidenceCount = 0;
    const answers = latest.get(factId);
    const sums = recallSums.get(factId);
    for (const studentId of classSet) {
      const answer = answers?.get(studentId);
      const r = sums?.get(studentId);
      const recall = r ? r.sum / r.n : null;
      if (recall !== null) {
        recallTotal += recall;
        recallStudents += 1;
      }
      if (answer || recall !== null) evidenceCount += 1;
      if (answer ? answer.correct : recall !== null && recall >= KNOWS_RECALL_MIN) knowsCount += 1;
    }
    const t = tally.get(factId);
    return {
      factId,
      quizCorrectShare: t ? t.correct / t.all : null,
      quizAnswers: t?.all ?? 0,
      meanRecall: recallStudents === 0 ? null : recallTotal / recallStudents,
      recallStudents,
      knowsCount,
      evidenceCount,
      knowsShare: classSet.size === 0 ? null : knowsCount / classSet.size,
    };
  });
}

/** Per fact, the class's evidence summed up (lib/data report-reads `factKnowledgeSumsOf` computes it in SQL by `factKnowledge`'s rule). */
export type FactKnowledgeSums = {
  factId: string;
  quizAnswers: number;
  quizCorrect: number;
  recallStudents: number;
  /** Σ over students with a recall value of their per-fact mean recall. */
  recallTotal: number;
  knowsCount: number;
  evidenceCount: number;
};

/**
 * `factKnowledge`'s rows from per-fact sums: one row per fact of `factIds`, in
 * that order; a fact with no sums row has no evidence. Sums for facts outside
 * `factIds` are ignored.
 *
 * @throws InvalidReportInput for counts that cannot be (more correct answers
 * than answers, a mean recall outside 0..1, more knowers than the class).
 */
export function factKnowledgeFromSums(factIds: readonly string[], classSize: number, sums: readonly FactKnowledgeSums[]): FactKnowledgeRow[] {
  const byFact = new Map(sums.map((s) => [s.factId, s]));
  const issues: string[] = [];
  const rows = factIds.map((factId): FactKnowledgeRow => {
    const s = byFact.get(factId);
    if (!s) return { factId, quizCorrectShare: null, quizAnswers: 0, meanRecall: null, recallStudents: 0, knowsCount: 0, evidenceCount: 0, knowsShare: classSize === 0 ? null : 0 };
    const meanRecall = s.recallStudents === 0 ? null : s.recallTotal / s.recallStudents;
    if (s.quizCorrect > s.quizAnswers || s.quizCorrect < 0) issues.push(`${factId}: ${s.quizCorrect} correct of ${s.quizAnswers} answers`);
    if (meanRecall !== null && !(meanRecall >= 0 && meanRecall <= 1 + 1e-12)) issues.push(`${factId}: mean recall must be in 0..1, got ${meanRecall}`);
    if (s.knowsCount > s.evidenceCount || s.evidenceCount > classSize) issues.push(`${factId}: ${s.knowsCount} know, ${s.evidenceCount} with evidence, class of ${classSize}`);
    return {
      factId,
      quizCorrectShare: s.quizAnswers === 0 ? null : s.quizCorrect / s.quizAnswers,
      quizAnswers: s.quizAnswers,
      meanRecall,
      recallStudents: s.recallStudents,
      knowsCount: s.knowsCount,
      evidenceCount: s.evidenceCount,
      knowsShare: classSize === 0 ? null : s.knowsCount / classSize,
    };
  });
  if (issues.length > 0) throw new InvalidReportInput(issues);
  return rows;
}
