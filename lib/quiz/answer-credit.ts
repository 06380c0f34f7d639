/** A share of one point kept within 0..1 (a grader's partial credit, a score over its maximum). */
export function clampCredit(share: number): number {
  return Math.min(1, Math.max(0, share));
}

/**
 * The credit one answer earns: 1 when right, else its partial credit
 * (an ordering or matching question half right), kept within 0..1; none
 * given is 0. The one rule for the quiz score, the stored answer, the
 * feedback shown and the teacher's item analysis.
 */
export function answerCredit(grade: { correct: boolean; partial?: number | null }): number {
  return grade.correct ? 1 : clampCredit(grade.partial ?? 0);
}
