/**
 * The plan and the time of the per-fact report's one statement (lib/data report-reads `factSumsSql`) on an
 * existing bench:scale database, for a class: `EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN (ANALYZE, COSTS OFF)` on
 * PostgreSQL, then three timed runs.
 *
 *   npx tsx scripts/bench/scale/explain-facts.ts <database url> [class id]
 */
import { performance } from "node:perf_hooks";
import { createDb } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { Prisma } from "@/lib/generated/sqlite/client";
import { factSumsSql } from "@/lib/data/report-reads";
import { sqlDialect } from "@/lib/data/sql-dialect";
async function main() {
  const db = createDb(resolveDatabaseUrl(process.argv[2]!));
  const classId = process.argv[3] ?? "bench-class-300";
  const NOW = new Date("2026-03-10T12:00:00Z");
  const ids = (await db.classMember.findMany({ where: { classId }, select: { userId: true } })).map((m) => m.userId);
  const factIds = (await db.card.findMany({ where: { retired: false, fact: { retired: false }, decks: { some: { deckId: "everything" } } }, select: { factId: true }, distinct: ["factId"] })).map((c) => c.factId);
  const sql = factSumsSql({ studentIds: ids, factIds, deckIds: ["everything"], now: NOW }, db);
  const plan = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`EXPLAIN ${sqlDialect(db) === "postgresql" ? Prisma.sql`(ANALYZE, COSTS OFF)` : Prisma.sql`QUERY PLAN`} ${sql}`);
  for (const r of plan) console.log(Object.values(r).join(" | "));
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await db.$queryRaw(sql);
    console.log(`run ${i + 1}: ${(performance.now() - t0).toFixed(1)} ms`);
  }
  await db.$disconnect();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
