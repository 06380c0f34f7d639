/**
 * Benchmark (not a test): the study queue, a grade and the class reports on
 * a big database next to a small one.
 *
 *   npm run -s bench:scale -- [--provider sqlite|postgresql|both] [--students 10000] [--small 50]
 *     [--cards 200] [--attempts 20] [--calls 500] [--report-runs 21] [--rebuild] [--smoke]
 *
 * The big database (build.ts: 10 000 students × 200 card states = 2 M rows,
 * about 5 M review logs) is built once per provider and kept — SQLite under
 * data/bench-scale/, PostgreSQL in its own database `factdeck_bench_scale_<n>`
 * on `BENCH_POSTGRES_URL` (default postgresql://postgres@127.0.0.1:5432/postgres)
 * — and migrated again on every run, so a new index migration is applied to
 * it as to a production database. `--rebuild` builds it afresh. Its files
 * are read once before the timings (`warmPageCache`), so a run does not depend
 * on what the OS kept of them.
 *
 * Times, for random students: `deckQueue` and `gradeCard` (p50/p99 over
 * `--calls`), then for the bench teacher the class reports of a class of 30
 * and one of 300 (`classFactReport`, `loadAssignmentReport` of the review and
 * the quiz assignment) and the dashboard's `loadTeacherAttention` (p50 and
 * max over `--report-runs`), and the same on a `--small`-student database
 * (no class of 300 there), with the ratio big/small.
 * `--smoke`: SQLite only, one scratch database of 40 students, 160 cards (more than the deck holds, so the synthetic
 * facts outside every deck are read as the full run reads them), 2 attempts, 20 calls; exit 1 when a call fails.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Viewer } from "@/lib/auth/roles";
import { createDb, type Db } from "@/lib/db";
import { resolveDatabaseUrl, type DatabaseTarget } from "@/lib/db-url";
import { classFactReport, loadAssignmentReport, loadTeacherAttention } from "@/lib/data/reports";
import { deckQueue, gradeCard } from "@/lib/data/reviews";
import type { Grade } from "@/lib/srs/grade";
import { migrate } from "../../db";
import { arg, flag } from "../shared/args";
import { percentile } from "../shared/percentiles";
import { seededRandom } from "../shared/seeded-random";
import { buildScaleDb, DECK, LARGE_CLASS, SMALL_CLASS, studentId, TEACHER_ID, type Shape } from "./build";

const SMOKE = flag("smoke");
const PROVIDERS = (arg("provider", "both", "sqlite") === "both" ? ["sqlite", "postgresql"] : [arg("provider", "both", "sqlite")]) as DatabaseTarget["provider"][];
const BIG = Number(arg("students", "10000", "40"));
const SMALL = Number(arg("small", "50", "10"));
const CARDS = Number(arg("cards", "200", "160"));
const ATTEMPTS = Number(arg("attempts", "20", "2"));
const CALLS = Number(arg("calls", "500", "20"));
const REPORT_RUNS = Number(arg("report-runs", "21", "3"));
const NOW = new Date("2026-03-10T12:00:00Z");
const PG_BASE = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DIR = SMOKE ? fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-scale-")) : path.resolve("data", "bench-scale");
const TEACHER: Viewer = { id: TEACHER_ID, name: "Bench Teacher", email: "teacher@bench.test", role: "teacher" };

type Stats = { p50: number; p99: number; max: number; n: number };
const stats = (xs: number[]): Stats => {
  const s = xs.slice().sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1) ?? NaN, n: s.length };
};

async function timed(n: number, warm: number, fn: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < warm; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return stats(out);
}

/** The database for `students` on `provider`: reused when a finished build of the same shape exists. */
async function database(provider: DatabaseTarget["provider"], students: number): Promise<DatabaseTarget> {
  const shape: Shape = { students, cards: CARDS, attempts: ATTEMPTS, now: NOW };
  const tag = `scale_${students}x${CARDS}_${ATTEMPTS}`;
  fs.mkdirSync(DIR, { recursive: true });
  const marker = path.join(DIR, `${provider}-${tag}.done`);
  let target: DatabaseTarget;
  let exists: boolean;
  if (provider === "sqlite") {
    const file = path.join(DIR, `${tag}.db`);
    target = resolveDatabaseUrl(`file:${file}`);
    exists = fs.existsSync(file);
    if (exists && (flag("rebuild") || !fs.existsSync(marker))) {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      exists = false;
    }
  } else {
    const name = `factdeck_bench_${tag}`;
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
    if (exists && (flag("rebuild") || !fs.existsSync(marker))) {
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      exists = false;
    }
    if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(PG_BASE);
    u.pathname = `/${name}`;
    target = resolveDatabaseUrl(u.toString());
  }
  await migrate(target, true);
  if (!exists) {
    fs.rmSync(marker, { force: true });
    const t0 = performance.now();
    console.log(`  building ${provider} ${students} students × ${CARDS} cards …`);
    const rows = await buildScaleDb(target, shape, SMOKE ? undefined : (s) => console.log(s));
    fs.writeFileSync(marker, `${rows} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    console.log(`  built: ${rows} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await warmPageCache(target);
  return target;
}

/**
 * Reads the database's files once, so the timings do not depend on what the OS
 * kept of them in its page cache (on the project's VM a memory reclaimer drops
 * most of a 5 GB file within the hour, and a cold run is 5–10× slower at p99).
 * SQLite: the file, read through. PostgreSQL: `pg_prewarm(…, 'read')` of every
 * table and index, when the extension can be created (else said and skipped).
 */
async function warmPageCache(target: DatabaseTarget) {
  const t0 = performance.now();
  if (target.provider === "sqlite") {
    const fd = fs.openSync(target.file, "r");
    const buf = Buffer.allocUnsafe(8 << 20);
    let bytes = 0;
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) bytes += n;
    fs.closeSync(fd);
    console.log(`  page cache: read ${(bytes / 2 ** 30).toFixed(2)} GiB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
    const r = await client.query<{ blocks: string | null }>(
      "SELECT SUM(pg_prewarm(c.oid, 'read'))::text AS blocks FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'i')",
    );
    console.log(`  page cache: pg_prewarm read ${r.rows[0]?.blocks ?? 0} blocks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.log(`  page cache: not warmed (pg_prewarm: ${(e as Error).message})`);
  } finally {
    await client.end();
  }
}

type Figures = Record<string, Stats | null>;

async function measure(db: Db, students: number, hasLarge: boolean): Promise<Figures> {
  const rand = seededRandom(7 + students);
  const pick = () => studentId(Math.floor(rand() * students));
  const out: Figures = {};
  out.deckQueue = await timed(CALLS, 20, () => deckQueue({ userId: pick(), deckId: DECK, now: NOW }, db));
  const grades: number[] = [];
  for (let i = 0; i < CALLS + 20; i++) {
    const userId = pick();
    const shown = (await deckQueue({ userId, deckId: DECK, now: NOW }, db)).card;
    if (!shown) continue;
    const t0 = performance.now();
    await gradeCard({ userId, reviewId: crypto.randomUUID(), deckId: DECK, cardId: shown.cardId, grade: (1 + Math.floor(rand() * 4)) as Grade, expectedVersion: shown.version, durationMs: 3000, now: NOW }, db);
    if (i >= 20) grades.push(performance.now() - t0);
  }
  out.gradeCard = stats(grades);
  for (const [label, classId] of [["30", SMALL_CLASS], ["300", hasLarge ? LARGE_CLASS : null]] as const) {
    const run = (fn: () => Promise<unknown>) => (classId ? timed(REPORT_RUNS, 2, fn) : Promise.resolve(null));
    out[`classFactReport ${label}`] = await run(() => classFactReport(classId!, NOW, db));
    out[`review report ${label}`] = await run(() => loadAssignmentReport(TEACHER, `${classId}-review`, NOW, db));
    out[`quiz report ${label}`] = await run(() => loadAssignmentReport(TEACHER, `${classId}-quiz`, NOW, db));
  }
  out[`teacher dashboard (${hasLarge ? 4 : 2} assignments)`] = await timed(REPORT_RUNS, 2, () => loadTeacherAttention(TEACHER, NOW, db));
  // Sanity: the reports see the students built.
  const rep = await loadAssignmentReport(TEACHER, `${SMALL_CLASS}-review`, NOW, db);
  if (rep.rows.length !== Math.min(30, students) || rep.rows.some((r) => r.activityCount === 0)) throw new Error(`bench-scale: the review report shows ${rep.rows.length} students`);
  // …and the per-fact report their answers (each answered questions at the class quiz; those on the deck's facts count).
  const facts = await classFactReport(SMALL_CLASS, NOW, db);
  const answers = facts.rows.reduce((n, r) => n + r.quizAnswers, 0);
  if (answers === 0) throw new Error("bench-scale: the per-fact report counts no answer of the class (are the summary tables filled?)");
  return out;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function main() {
  console.log(`bench-scale: ${BIG} vs ${SMALL} students × ${CARDS} card states, ${CALLS} calls, reports × ${REPORT_RUNS} (Node ${process.version}, ${os.cpus().length} cores)`);
  try {
    for (const provider of PROVIDERS) {
      console.log(`\n${provider}`);
      const results: Figures[] = [];
      // Under --smoke one database is enough to prove every call still runs.
      for (const n of SMOKE ? [BIG] : [BIG, SMALL]) {
        const target = await database(provider, n);
        const db = createDb(target);
        try {
          if (provider === "sqlite") await db.$executeRawUnsafe("PRAGMA journal_mode = WAL");
          const counts = {
            states: Number((await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "CardState"`))[0]!.n),
            logs: Number((await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "ReviewLog"`))[0]!.n),
          };
          console.log(`  ${n} students: ${counts.states} card states, ${counts.logs} review logs`);
          results.push(await measure(db, n, n >= 330));
        } finally {
          await db.$disconnect();
        }
      }
      const [big, small = {}] = results as [Figures, Figures?];
      console.log(`\n  | call | ${BIG} students p50 / p99 (max) | ${SMALL} students p50 / p99 (max) | p99 big/small |`);
      console.log("  |---|---:|---:|---:|");
      const keys = [...new Set([...Object.keys(big), ...Object.keys(small)])];
      for (const k of keys) {
        const b = big[k] ?? null;
        const s = small[k.replace("4 assignments", "2 assignments")] ?? small[k] ?? null;
        const cell = (x: Stats | null) => (x ? `${ms(x.p50)} / ${ms(x.p99)} (${ms(x.max)}) ms` : "—");
        console.log(`  | ${k} | ${cell(b)} | ${k.includes("4 assignments") ? "—" : cell(s)} | ${b && s && !k.includes("assignments") ? (b.p99 / s.p99).toFixed(2) + "×" : ""} |`);
      }
    }
  } finally {
    if (SMOKE) fs.rmSync(DIR, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
