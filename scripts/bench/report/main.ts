/**
 * Benchmark (not a test): the class reports on a scratch SQLite database.
 *
 *   npm run bench:report -- [--students 30,300] [--cards 200] [--attempts 20] [--runs 9] [--smoke]
 *
 * For each class size it builds a fresh database (migrated, no corpus; see
 * build-class.ts) and then times, as the median of several runs after warm-up:
 *
 * - the per-fact class report (`classFactReport`: one statement over the
 *   answers summed up per student and fact, and the card states);
 * - the quiz assignment report with item analysis, and the review
 *   assignment report (`loadAssignmentReport`);
 *
 * next to a baseline measured in the same process — a plain
 * `classMember.count()` on the same client — and the ratio to it.
 * Target: the class report under 50 ms for 30 students on SQLite.
 * `--smoke`: 3 students, 20 cards, 2 attempts, 3 runs; exit 1 if the report misses a fact.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { classFactReport, clearReportCaches, loadAssignmentReport } from "@/lib/data/reports";
import { migrate } from "../../db";
import { arg } from "../shared/args";
import { median } from "../shared/percentiles";
import { buildClass, QUESTIONS } from "./build-class";

const SIZES = arg("students", "30,300", "3").split(",").map(Number);
const CARDS = Number(arg("cards", "200", "20"));
const ATTEMPTS = Number(arg("attempts", "20", "2"));
const RUNS = Math.max(3, Number(arg("runs", "9", "3")));
const NOW = new Date("2026-03-10T12:00:00Z");

async function time(fn: () => Promise<unknown>, before?: () => void): Promise<number> {
  for (let i = 0; i < 2; i++) {
    before?.();
    await fn();
  }
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

async function main() {
  console.log(`bench-report: ${CARDS} cards, ${ATTEMPTS} attempts × ${QUESTIONS} questions per student, median of ${RUNS} runs (Node ${process.version}, ${os.cpus().length} cores)`);
  for (const n of SIZES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-bench-"));
    const target = resolveDatabaseUrl(`file:${path.join(dir, "bench.db")}`);
    await migrate(target, true);
    const db = createDb(target);
    try {
      const t0 = performance.now();
      const teacher = await buildClass(db, n, { cards: CARDS, attempts: ATTEMPTS, now: NOW });
      const built = performance.now() - t0;
      const baseline = await time(() => db.classMember.count());
      const fact = await time(() => classFactReport("bench-class", NOW, db));
      const quiz = await time(() => loadAssignmentReport(teacher, "bench-quiz", NOW, db), clearReportCaches);
      const review = await time(() => loadAssignmentReport(teacher, "bench-review", NOW, db));
      const check = await classFactReport("bench-class", NOW, db);
      const fmt = (ms: number) => `${ms.toFixed(1)} ms (${(ms / baseline).toFixed(0)}× baseline)`;
      console.log(`\n${n} students (built in ${(built / 1000).toFixed(1)} s; ${check.rows.length} facts, ${n * CARDS} card states, ${n * ATTEMPTS} attempts, ${n * ATTEMPTS * QUESTIONS} answers)`);
      console.log(`  baseline classMember.count()        ${baseline.toFixed(2)} ms`);
      console.log(`  class fact report                   ${fmt(fact)}`);
      console.log(`  quiz assignment report + items      ${fmt(quiz)}`);
      console.log(`  review assignment report            ${fmt(review)}`);
      if (check.rows.length !== CARDS) {
        console.error(`bench-report: the class report shows ${check.rows.length} facts, not the ${CARDS} built`);
        process.exitCode = 1;
      }
    } finally {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

