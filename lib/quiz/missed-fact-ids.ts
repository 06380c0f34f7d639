import type { QuizSnapshot } from "./quiz-snapshot";
import type { AttemptResult } from "./score-attempt";

/**
 * The facts to pull forward for review after a finished attempt: every fact
 * of every question not fully correct — answered wrong, partly right (a
 * timeline or matching with partial credit), or left unanswered when the
 * attempt was finished. Each fact once, in question order then the
 * question's own fact order. Call it on the final result only: during an
 * attempt, unanswered questions are not yet missed.
 */
export function missedFactIds(result: AttemptResult, snapshot: QuizSnapshot): string[] {
  const byId = new Map(snapshot.questions.map((q) => [q.id, q]));
  const out = new Set<string>();
  for (const r of result.perQuestion) {
    if (r.correct) continue;
    for (const f of byId.get(r.questionId)?.factIds ?? []) out.add(f);
  }
  return [...out];
}
