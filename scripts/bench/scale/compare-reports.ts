/**
 * Two class reports two ways on an existing bench:scale database, alternating in one process:
 * - the review report as it reads now (`loadAssignmentReport`: SQL summaries and mean recall in SQL) and as
 *   it read before (every review and card state of the class, then lib/reports `assignmentReport` and
 *   lib/srs `retrievability` per state);
 * - what the class knows per fact as it reads now (`classFactReport`: sums per fact in SQL) and as it read
 *   before (every card state and quiz answer of the class, the questions' facts from snapshots, then
 *   lib/reports `factKnowledge`). Both "before" paths are the oracle of tests/integration/reports-aggregated.
 *
 *   npx tsx scripts/bench/scale/compare-reports.ts <database url> [class id] [runs]
 */
import { performance } from "node:perf_hooks";
import type { Viewer } from "@/lib/auth/roles";
import { createDb } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { deckCardIds } from "@/lib/data/assignments";
import { cardStatesOf, quizAnswersOf, reviewLogsOf } from "@/lib/data/report-reads";
import { classFactReport, loadAssignmentReport } from "@/lib/data/reports";
import { assignmentReport } from "@/lib/reports/assignment-report";
import { factKnowledge, type FactAnswerRow, type FactRecallRow } from "@/lib/reports/fact-knowledge";
import { retrievability } from "@/lib/srs/retrievability";
import { DEFAULT_SRS_PARAMS } from "@/lib/srs/params";
import type { SrsState } from "@/lib/srs/card-state";
import { median } from "../shared/percentiles";
import { DECK, LARGE_CLASS, TEACHER_ID } from "./build";

const [url = "file:data/bench-scale/scale_10000x200_20.db", classId = LARGE_CLASS, runsArg = "5"] = process.argv.slice(2);
const NOW = new Date("2026-03-10T12:00:00Z");
const teacher: Viewer = { id: TEACHER_ID, name: "Bench Teacher", email: "teacher@bench.test", role: "teacher" };

async function main() {
  const db = createDb(resolveDatabaseUrl(url));
  const ids = (await db.classMember.findMany({ where: { classId }, select: { userId: true } })).map((m) => m.userId);
  const recallOf = (s: { state: string; stability: number; lastReview: Date | null }) =>
    retrievability({ state: s.state as SrsState, stability: s.stability, lastReview: s.lastReview, due: NOW, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, version: 0 }, NOW, DEFAULT_SRS_PARAMS);
  const reviewBefore = async () => {
    const cards = (await deckCardIds([DECK], db)).get(DECK)!;
    const [logs, states] = await Promise.all([reviewLogsOf(ids, db), cardStatesOf(ids, db)]);
    const inDeck = new Set(cards);
    for (const s of states) if (inDeck.has(s.cardId)) recallOf(s);
    return assignmentReport({ kind: "review", dueAt: NOW, now: NOW, students: ids.map((id) => ({ studentId: id, name: id })), deckCardIds: cards, reviews: logs.filter((r) => inDeck.has(r.cardId)).map((r) => ({ studentId: r.userId, cardId: r.cardId, reviewedAt: r.reviewedAt, durationMs: r.durationMs })) });
  };
  const reviewNow = () => loadAssignmentReport(teacher, `${classId}-review`, NOW, db);
  // The per-fact report's scope, read once (the same cards query runs in both ways).
  const assigned = (await db.assignment.findMany({ where: { classId }, select: { deckId: true }, distinct: ["deckId"] })).map((a) => a.deckId);
  const cards = await db.card.findMany({ where: { retired: false, fact: { retired: false }, decks: { some: { deckId: { in: assigned } } } }, select: { id: true, factId: true } });
  const factOf = new Map(cards.map((c) => [c.id, c.factId]));
  const factIds = [...new Set(cards.map((c) => c.factId))];
  const factsBefore = async () => {
    const [states, rows] = await Promise.all([cardStatesOf(ids, db), quizAnswersOf(ids, db)]);
    const recalls: FactRecallRow[] = [];
    for (const s of states) if (factOf.has(s.cardId)) recalls.push({ studentId: s.userId, factId: factOf.get(s.cardId)!, retrievability: recallOf(s) });
    // Questions' facts from the snapshots, parsed once before timing (warm, as the old path's snapshot cache kept them).
    const factsOfQuestion = new Map<string, string[]>();
    for (const r of rows) if (!factsOfQuestion.has(r.questionId)) factsOfQuestion.set(r.questionId, questionFacts.get(r.questionId) ?? []);
    const answers: FactAnswerRow[] = [];
    for (const r of rows) for (const factId of factsOfQuestion.get(r.questionId)!) answers.push({ studentId: r.userId, factId, answeredAt: r.answeredAt, correct: r.correct });
    return factKnowledge({ factIds, studentIds: ids, answers, recalls });
  };
  const questionFacts = new Map<string, string[]>();
  for (const a of await db.quizAttempt.findMany({ where: { userId: { in: ids } }, select: { snapshotJson: true } })) {
    for (const q of (JSON.parse(a.snapshotJson) as { questions: { id: string; factIds: string[] }[] }).questions) questionFacts.set(q.id, q.factIds);
  }
  const factsNow = () => classFactReport(classId, NOW, db);
  const t = { reviewBefore: [] as number[], reviewNow: [] as number[], factsBefore: [] as number[], factsNow: [] as number[] };
  for (let i = 0; i < Number(runsArg) + 1; i++) {
    for (const [k, fn] of [["reviewBefore", reviewBefore], ["reviewNow", reviewNow], ["factsBefore", factsBefore], ["factsNow", factsNow]] as const) {
      const t0 = performance.now();
      await fn();
      if (i > 0) t[k].push(performance.now() - t0);
    }
  }
  const m = (k: keyof typeof t) => median(t[k]).toFixed(1);
  console.log(`${ids.length} students, ${url.split("/").pop()} (median of ${runsArg}, alternating):`);
  console.log(`  review report: every row ${m("reviewBefore")} ms, SQL summaries ${m("reviewNow")} ms (${(median(t.reviewBefore) / median(t.reviewNow)).toFixed(1)}×)`);
  console.log(`  per-fact report: every row ${m("factsBefore")} ms, sums per fact in SQL ${m("factsNow")} ms (${(median(t.factsBefore) / median(t.factsNow)).toFixed(1)}×)`);
  await db.$disconnect();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
