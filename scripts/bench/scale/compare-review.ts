/**
 * The review report two ways on an existing bench:scale database, alternating in one process:
 * as it reads now (`loadAssignmentReport`: SQL summaries) and as it read before
 * (every review and card state of the class, then lib/reports `assignmentReport`).
 *
 *   npx tsx scripts/bench/scale/compare-review.ts <database url> [class id] [runs]
 */
import { performance } from "node:perf_hooks";
import type { Viewer } from "@/lib/auth/roles";
import { createDb } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { deckCardIds } from "@/lib/data/assignments";
import { cardStatesOf, reviewLogsOf } from "@/lib/data/report-reads";
import { loadAssignmentReport } from "@/lib/data/reports";
import { assignmentReport } from "@/lib/reports/assignment-report";
import { median } from "../shared/percentiles";
import { DECK, LARGE_CLASS, TEACHER_ID } from "./build";

const [url = "file:data/bench-scale/scale_2000x200_20.db", classId = LARGE_CLASS, runsArg = "5"] = process.argv.slice(2);
const NOW = new Date("2026-03-10T12:00:00Z");
const teacher: Viewer = { id: TEACHER_ID, name: "Bench Teacher", email: "teacher@bench.test", role: "teacher" };

async function main() {
  const db = createDb(resolveDatabaseUrl(url));
  const ids = (await db.classMember.findMany({ where: { classId }, select: { userId: true } })).map((m) => m.userId);
  const before = async () => {
    const cards = (await deckCardIds([DECK], db)).get(DECK)!;
    const [logs] = await Promise.all([reviewLogsOf(ids, db), cardStatesOf(ids, db)]);
    const inDeck = new Set(cards);
    return assignmentReport({ kind: "review", dueAt: NOW, now: NOW, students: ids.map((id) => ({ studentId: id, name: id })), deckCardIds: cards, reviews: logs.filter((r) => inDeck.has(r.cardId)).map((r) => ({ studentId: r.userId, cardId: r.cardId, reviewedAt: r.reviewedAt, durationMs: r.durationMs })) });
  };
  const now = () => loadAssignmentReport(teacher, `${classId}-review`, NOW, db);
  const t = { before: [] as number[], now: [] as number[] };
  for (let i = 0; i < Number(runsArg) + 1; i++) {
    for (const [k, fn] of [["before", before], ["now", now]] as const) {
      const t0 = performance.now();
      await fn();
      if (i > 0) t[k].push(performance.now() - t0);
    }
  }
  console.log(`${ids.length} students, ${url.split("/").pop()}: every row ${median(t.before).toFixed(0)} ms, SQL summaries ${median(t.now).toFixed(0)} ms (median of ${runsArg}, alternating)`);
  await db.$disconnect();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
