/**
 * Benchmark (not a test): two app servers on one PostgreSQL database.
 *
 *   npm run -s bench:servers -- [--students 40] [--seconds 60] [--ports 3431,3432] [--dist .next-bench] [--no-build] [--smoke]
 *
 * Builds the app into `--dist` unless a build of the current sources is
 * there, makes a fresh PostgreSQL database `factdeck_bench_servers` on
 * `BENCH_POSTGRES_URL` (default postgresql://postgres@127.0.0.1:5432/postgres;
 * migrated, corpus seeded) and starts two `next start` processes on it, on
 * two ports with one `BETTER_AUTH_SECRET`, as behind a load balancer.
 * Students sign up on the first server, a fresh set for each phase (a deck
 * runs dry after about 150 new cards); then for `--seconds`:
 *
 * 1. one server: every student's client grades cards on the first server
 *    (GET …/next, then POST /api/review/grade with the card it returned) and
 *    views the dashboard every fifth step;
 * 2. two servers: the same, student i on server i mod 2, and every third
 *    grade is sent again to the other server with the same review id (a
 *    retry through the balancer: it must be a replay, not a second grade).
 *
 * Then it checks the database: every grade answered 200 is there exactly
 * once (a log per review id sent), each card state's version equals the
 * number of its grades (none lost to a race), and a sign-in limit of 5 tries
 * per address per minute holds across both servers (8 tries from one
 * address, alternating servers: 3 refused). Prints requests/s of each phase
 * and the ratio.
 * `--smoke`: 4 students, 3 s per phase, the existing build (`--no-build` implied when one exists).
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { migrate } from "../../db";
import { arg, flag } from "../shared/args";
import { percentile } from "../shared/percentiles";
import { seededRandom } from "../shared/seeded-random";
import { decodeHtml } from "../review/decode-html";
import { buildApp, isFreshBuild, portIsFree, startChild, stopChild, waitFor } from "../review/processes";
import { raiseNewPerDay, signUpStudent, type Student } from "../review/sign-up";
import { pickGrade } from "../review/workload";

const SMOKE = flag("smoke");
const root = path.resolve(__dirname, "../../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const STUDENTS = Number(arg("students", "40", "4"));
const SECONDS = Number(arg("seconds", "60", "3"));
const PORTS = arg("ports", "3431,3432").split(",").map(Number) as [number, number];
const DIST = arg("dist", ".next-bench");
const PG_BASE = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "factdeck_bench_servers";
const DECK = "everything";
const SIGN_IN_MAX = 5;
const log = (s: string) => console.log(`bench-servers: ${s}`);

type Card = { cardId: string; version: number };
type Phase = { requests: number; grades: number; errors: string[]; wallMs: number; latencies: number[]; replays: number };

async function runPhase(bases: string[], students: Student[], seconds: number, retryOther: boolean, sent: Set<string>): Promise<Phase> {
  const out: Phase = { requests: 0, grades: 0, errors: [], wallMs: 0, latencies: [], replays: 0 };
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const call = async (url: string, init: RequestInit & { headers: Record<string, string> }) => {
    const s = performance.now();
    const res = await fetch(url, init);
    const text = await res.text();
    out.latencies.push(performance.now() - s);
    out.requests++;
    return { res, text };
  };
  await Promise.all(
    students.map(async (st, i) => {
      const base = bases[i % bases.length]!;
      const other = bases[(i + 1) % bases.length]!;
      const rand = seededRandom(1000 + i);
      const headers = { cookie: st.cookie, "x-forwarded-for": st.ip };
      const next = async (): Promise<Card | null> => {
        const { res, text } = await call(`${base}/api/review/${DECK}/next`, { headers });
        if (!res.ok) out.errors.push(`GET next ${res.status} ${text.slice(0, 120)}`);
        return res.ok ? (JSON.parse(text) as { card: Card | null }).card : null;
      };
      let card = await next();
      for (let step = 0; performance.now() < until && card; step++) {
        if (step % 5 === 4) {
          const { res } = await call(`${base}/dashboard`, { headers, redirect: "manual" });
          if (res.status !== 200) out.errors.push(`GET /dashboard ${res.status}`);
        }
        const body = JSON.stringify({ reviewId: crypto.randomUUID(), deckId: DECK, cardId: card.cardId, grade: pickGrade(rand()), expectedVersion: card.version, durationMs: 2000 });
        const post = (to: string) => call(`${to}/api/review/grade`, { method: "POST", headers: { ...headers, "content-type": "application/json", origin: to }, body });
        const { res, text } = await post(base);
        if (!res.ok) {
          out.errors.push(`POST grade ${res.status} ${text.slice(0, 120)}`);
          card = await next();
          continue;
        }
        sent.add((JSON.parse(body) as { reviewId: string }).reviewId);
        out.grades++;
        card = (JSON.parse(text) as { next: { card: Card | null } }).next.card;
        if (retryOther && step % 3 === 2) {
          const again = await post(other);
          const outcome = again.res.ok ? (JSON.parse(again.text) as { outcome: { replayed: boolean } }).outcome : null;
          if (!outcome?.replayed) out.errors.push(`retry on the other server: ${again.res.status} ${again.text.slice(0, 120)}`);
          else out.replays++;
        }
      }
    }),
  );
  out.wallMs = performance.now() - t0;
  return out;
}

/** The sign-in form posted as a browser without JavaScript does; "refused" when the limit answered. */
async function trySignIn(base: string, email: string, ip: string): Promise<"refused" | "checked"> {
  const page = await fetch(`${base}/sign-in`, { headers: { "x-forwarded-for": ip } });
  const html = await page.text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('name="password"'));
  if (!form) throw new Error("no sign-in form");
  const body = new FormData();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) body.append(decodeHtml(m[1]!), decodeHtml(m[2] ?? ""));
  body.append("email", email);
  body.append("password", "not the password at all");
  const res = await fetch(`${base}/sign-in`, { method: "POST", body, redirect: "manual", headers: { origin: base, "x-forwarded-for": ip } });
  const text = await res.text();
  return text.includes("Too many attempts") ? "refused" : "checked";
}

function summary(p: Phase) {
  const s = p.latencies.slice().sort((a, b) => a - b);
  return `${p.requests} requests (${p.grades} grades) in ${(p.wallMs / 1000).toFixed(1)} s = ${(p.requests / (p.wallMs / 1000)).toFixed(1)} req/s, ${(p.grades / (p.wallMs / 1000)).toFixed(1)} grades/s; p50 ${percentile(s, 50).toFixed(0)} ms, p99 ${percentile(s, 99).toFixed(0)} ms; errors ${p.errors.length}`;
}

async function main() {
  for (const p of PORTS) if (!(await portIsFree(p))) throw new Error(`port ${p} is in use (--ports)`);
  const bases = PORTS.map((p) => `http://localhost:${p}`);
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  await admin.end();
  const u = new URL(PG_BASE);
  u.pathname = `/${DB_NAME}`;
  const secret = crypto.randomBytes(32).toString("base64url");
  const env = (port: number): NodeJS.ProcessEnv => ({
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST,
    DATABASE_URL: u.toString(),
    // One public URL and one secret for every server, as behind a load balancer.
    BETTER_AUTH_URL: bases[0],
    BETTER_AUTH_SECRET: secret,
    FACTDECK_SIGN_IN_MAX: String(SIGN_IN_MAX),
    SEED_DEMO: "0",
    PORT: String(port),
  });
  const servers: ReturnType<typeof startChild>[] = [];
  try {
    const fresh = isFreshBuild(DIST);
    if (flag("no-build") || (SMOKE && fs.existsSync(path.join(root, DIST, "BUILD_ID")))) {
      if (!fs.existsSync(path.join(root, DIST, "BUILD_ID"))) throw new Error(`--no-build: no build in ${DIST}`);
    } else if (!fresh) buildApp(env(PORTS[0]));
    await migrate(resolveDatabaseUrl(u.toString()), true);
    const seed = spawnSync(process.execPath, [tsxCli, path.join(root, "prisma", "seed.ts")], { cwd: root, env: env(PORTS[0]), encoding: "utf8" });
    if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr || seed.stdout}`);
    for (const p of PORTS) servers.push(startChild([nextBin, "start", "-p", String(p)], env(p)));
    await Promise.all(servers.map((s, i) => waitFor(`${bases[i]}/api/health`, s.child, 90_000)));
    log(`two next start on ${bases.join(" and ")}, one PostgreSQL database ${DB_NAME}`);

    // Three sets of students (warm-up, one server, two servers): a student's deck runs dry after about 150
    // new cards, so a phase on students the one before had used would end early, with fewer clients.
    const cohorts: Student[][] = [];
    for (let c = 0; c < 3; c++) {
      const students: Student[] = [];
      for (let i = 0; i < STUDENTS; i += 5) {
        const batch = await Promise.all(Array.from({ length: Math.min(5, STUDENTS - i) }, (_, j) => signUpStudent(bases[0]!, c * STUDENTS + i + j)));
        students.push(...batch.map((b) => b.student));
      }
      for (let i = 0; i < STUDENTS; i += 10) await Promise.all(students.slice(i, i + 10).map((s) => raiseNewPerDay(bases[0]!, s)));
      cohorts.push(students);
    }
    const [warm, first, second] = cohorts as [Student[], Student[], Student[]];
    log(`${3 * STUDENTS} students signed up on the first server (${STUDENTS} each for the warm-up, the one-server and the two-server phase)`);

    const sent = new Set<string>();
    await runPhase([bases[0]!], warm, Math.min(5, SECONDS), false, sent); // warm-up, both processes' first requests
    await runPhase([bases[1]!], warm, Math.min(5, SECONDS), false, sent);
    const one = await runPhase([bases[0]!], first, SECONDS, false, sent);
    log(`one server:  ${summary(one)}`);
    const two = await runPhase(bases, second, SECONDS, true, sent);
    log(`two servers: ${summary(two)}; ${two.replays} retries on the other server answered as replays`);
    for (const e of [...one.errors, ...two.errors].slice(0, 5)) log(`  error: ${e}`);
    if (one.errors.length + two.errors.length) for (const [i, s] of servers.entries()) for (const line of s.tail.slice(-8)) log(`  server ${i + 1}: ${line.slice(0, 300)}`);

    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    try {
      const logs = await c.query<{ id: string }>(`SELECT "id" FROM "ReviewLog"`);
      const stored = new Set(logs.rows.map((r) => r.id));
      const lost = [...sent].filter((id) => !stored.has(id)).length;
      const extra = logs.rows.length - sent.size;
      const drift = await c.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM "CardState" s WHERE s."version" <> (SELECT COUNT(*) FROM "ReviewLog" r WHERE r."userId" = s."userId" AND r."cardId" = s."cardId" AND r."undoneAt" IS NULL)`,
      );
      log(`grades answered 200: ${sent.size}; logs stored: ${logs.rows.length}; lost ${lost}; doubled or unexpected ${extra}; card states whose version ≠ their grades: ${drift.rows[0]!.n}`);
      const ip = "10.99.0.1";
      const tries: string[] = [];
      for (let k = 0; k < SIGN_IN_MAX + 3; k++) tries.push(await trySignIn(bases[k % 2]!, `nobody-${k}@bench.test`, ip));
      const refused = tries.filter((t) => t === "refused").length;
      log(`sign-in limit ${SIGN_IN_MAX} per address per minute, ${tries.length} tries alternating servers: ${refused} refused (${tries.join(", ")})`);
      const ratio = two.requests / two.wallMs / (one.requests / one.wallMs);
      log(`throughput two/one: ${ratio.toFixed(2)}×`);
      const ok = one.errors.length === 0 && two.errors.length === 0 && lost === 0 && extra === 0 && drift.rows[0]!.n === "0" && refused === 3;
      if (!ok) {
        log("FAILED: errors, lost or doubled grades, or a limit not shared");
        process.exitCode = 1;
      }
    } finally {
      await c.end();
    }
  } finally {
    await Promise.all(servers.map((s) => stopChild(s.child)));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
