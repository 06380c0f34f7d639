/**
 * Benchmark (not a test): grading review cards over HTTP, next to a bare
 * `node:http` + better-sqlite3 server doing the same work, and the review
 * page's first-load JavaScript.
 *
 *   npm run bench:review -- [--no-build] [--dist .next-bench] [--port 3401] [--baseline-port 3402]
 *                           [--students 50] [--grades 40] [--warmup 5] [--breakdown-grades 200]
 *                           [--deck everything] [--seed 1] [--smoke]
 *
 * `--smoke` (CI): 3 students, 1 warm-up + 3 grades each, 10 breakdown grades,
 * and no build when `.next-bench` or `.next` already holds a build of the
 * current sources (after the e2e step, `.next` does); exits 1 as below.
 *
 * 1. Builds the app into `.next-bench` (NEXT_DIST_DIR; skipped with
 *    `--no-build`, which reuses the last bench build) and restores
 *    tsconfig.json afterwards, since `next build` adds the dist dir's types to it.
 * 2. Makes a scratch SQLite database under the OS temp dir (migrated, corpus
 *    seeded, no demo accounts) and runs `next start` on it.
 * 3. Signs up N students through the real sign-up form (the server action,
 *    posted as a browser without JavaScript posts it; each student from its
 *    own address, as the sign-up limit is per address) and raises their new
 *    cards per day to 200 through the settings form, so the queue never runs dry.
 * 4. Copies the database (users, sessions, settings; no review yet) for the
 *    baseline and for the in-process breakdown.
 * 5. Measures the first-load JavaScript of /review/<deck> (signed in) and of
 *    / (signed out): every /_next/static chunk the HTML references, raw and
 *    gzip level 9.
 * 6. Workload, N concurrent students over keep-alive connections: each GETs
 *    /api/review/<deck>/next once, then POSTs /api/review/grade in a loop,
 *    grading the card the previous answer returned (grades from a seeded
 *    PRNG: 70 % Good, 10 % each Again, Hard, Easy). `--warmup` grades each
 *    first, unmeasured, then `--grades` grades each, measured: latency of
 *    every POST (until its body is read), wall time, non-2xx count.
 * 7. The same workload against the baseline: a child process serving
 *    POST /api/review/grade and GET /api/review/<deck>/next with node:http and
 *    better-sqlite3 on its copy of the database. Per grade it does what the
 *    route does, minus the framework: session lookup by token (cookie
 *    signature checked, one indexed SELECT joined to User), zod parse with the
 *    same schema, one IMMEDIATE transaction (replay check, study settings,
 *    the last 26 h of the student's logs, every card state of the student,
 *    lib/srs `answerCard` with the version check and clock clamp, guarded
 *    UPDATE or INSERT, ReviewLog INSERT with `clockAllowedDurationMs`), then
 *    the next card and the counts by lib/srs `buildQueue` (today's counts by
 *    `countDoneToday`, siblings, limits, `nextDue`) with its
 *    `previewIntervals`, outlet and step: the same work as the app. Deck
 *    members, cards, outlets and steps are read once at start, as the app
 *    caches them per corpus version (lib/data/corpus-cache).
 * 8. Pages at concurrency 1: each student page (and the signed-out home)
 *    30 times in a row as one student, median, next to GET /api/health.
 * 9. Where the time goes: Next's floor (the same clients on GET /api/health,
 *    a route handler with one trivial query), and, sequential and in-process
 *    on a third copy, the grade route's three steps (`getViewer`,
 *    `gradeCard`, `deckQueue`) called directly through Prisma, no HTTP, no Next.
 *
 * Exits 1 when any request of the workload answered non-2xx.
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { migrate } from "../../db";
import { flag } from "../shared/args";
import { percentile as pct } from "../shared/percentiles";
import { breakdown } from "./breakdown";
import { BASELINE_PORT, BREAKDOWN_GRADES, DECK, DIST_DIR, GRADES, NEW_PER_DAY, PORT, SMOKE, STUDENTS, WARMUP, log, ms, nextBin, root, tsxCli } from "./options";
import { pageJs } from "./page-js";
import { buildApp, isFreshBuild, portIsFree, startChild, stopChild, waitFor } from "./processes";
import { report } from "./report";
import { raiseNewPerDay, signUpStudent, type Student } from "./sign-up";
import { healthFloor, pageTimes, runWorkload } from "./workload";

/** The build to start: the given dist dir, or under --smoke the first fresh build among the bench's and `npm start`'s. */
function chooseDistDir(): string {
  if (!SMOKE || flag("dist")) return DIST_DIR;
  return [DIST_DIR, ".next"].find(isFreshBuild) ?? DIST_DIR;
}

async function main() {
  for (const p of [PORT, BASELINE_PORT]) if (!(await portIsFree(p))) throw new Error(`port ${p} is in use (choose another with --port / --baseline-port)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-bench-review-"));
  const files = { next: path.join(tmp, "next.db"), baseline: path.join(tmp, "baseline.db"), breakdown: path.join(tmp, "breakdown.db") };
  const secret = crypto.randomBytes(32).toString("base64url");
  const base = `http://localhost:${PORT}`;
  const distDir = chooseDistDir();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: `file:${files.next}`,
    BETTER_AUTH_URL: base,
    // Our own secret, so nothing is written to data/auth-secret and the baseline can check cookie signatures.
    BETTER_AUTH_SECRET: secret,
    FACTDECK_SIGN_IN_MAX: "100000",
    SEED_DEMO: "0",
    PORT: String(PORT),
  };
  let next: ReturnType<typeof startChild> | undefined;
  let baseline: ReturnType<typeof startChild> | undefined;
  const onSignal = () => {
    next?.child.kill("SIGKILL");
    baseline?.child.kill("SIGKILL");
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    if (SMOKE && isFreshBuild(distDir)) {
      log(`reusing the build in ${distDir} (built from the current sources)`);
    } else if (flag("no-build")) {
      if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) throw new Error(`--no-build: no build in ${distDir}; run once without --no-build`);
    } else {
      buildApp(env);
    }

    log(`database ${files.next}: migrate + seed`);
    await migrate(resolveDatabaseUrl(env.DATABASE_URL), true);
    const seed = spawnSync(process.execPath, [tsxCli, path.join(root, "prisma", "seed.ts")], { cwd: root, env, encoding: "utf8" });
    if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr || seed.stdout}`);

    next = startChild([nextBin, "start", "-p", String(PORT)], env);
    await waitFor(`${base}/api/health`, next.child, 60_000);
    log(`next start on ${base}`);

    const signUps: number[] = [];
    const students: Student[] = new Array(STUDENTS);
    for (let i = 0; i < STUDENTS; i += 5) {
      await Promise.all(
        Array.from({ length: Math.min(5, STUDENTS - i) }, async (_, j) => {
          const { student, ms: took } = await signUpStudent(base, i + j);
          students[i + j] = student;
          signUps.push(took);
        }),
      );
    }
    for (let i = 0; i < STUDENTS; i += 10) await Promise.all(students.slice(i, i + 10).map((s) => raiseNewPerDay(base, s)));
    signUps.sort((a, b) => a - b);
    log(`signed up ${STUDENTS} students through /sign-up (median ${ms(pct(signUps, 50))} ms, 5 at a time), new cards per day set to ${NEW_PER_DAY}`);

    // Same users, sessions and settings, no review yet: the baseline and the breakdown start where Next starts.
    const snap = new Database(files.next, { readonly: true });
    snap.exec(`VACUUM INTO '${files.baseline}'`);
    snap.exec(`VACUUM INTO '${files.breakdown}'`);
    snap.close();

    const reviewJs = await pageJs(base, `/review/${DECK}`, students[0]!.cookie);
    const homeJs = await pageJs(base, "/");

    log(`Next: ${STUDENTS} students × (${WARMUP} warm-up + ${GRADES} measured) grades …`);
    const nextRun = await runWorkload(base, students);
    if (nextRun.errors.length) console.error(next.tail.join("\n"));
    const floor = await healthFloor(base);
    const pages = await pageTimes(base, students[0]!.cookie, SMOKE ? 3 : 30);
    await stopChild(next.child);

    baseline = startChild([tsxCli, path.join(__dirname, "baseline-server.ts"), "--serve-baseline", files.baseline, "--baseline-port", String(BASELINE_PORT)], env);
    const baseUrl = `http://localhost:${BASELINE_PORT}`;
    await waitFor(`${baseUrl}/health`, baseline.child, 30_000);
    log(`baseline: same workload on ${baseUrl} …`);
    const baseRun = await runWorkload(baseUrl, students);
    if (baseRun.errors.length) console.error(baseline.tail.join("\n"));
    await stopChild(baseline.child);

    log("in-process breakdown (sequential, no HTTP) …");
    const parts = await breakdown(files.breakdown, students, BREAKDOWN_GRADES, env);

    report({ nextRun, baseRun, reviewJs, homeJs, parts, floor, pages, signUpMs: pct(signUps, 50) });
    const bad = nextRun.errors.length + baseRun.errors.length;
    if (bad || nextRun.emptyQueues || baseRun.emptyQueues) {
      for (const e of [...new Set([...nextRun.errors, ...baseRun.errors])].slice(0, 10)) console.error(`  ${e}`);
      if (bad) {
        console.error(`bench-review: ${nextRun.errors.length} non-2xx from Next, ${baseRun.errors.length} from the baseline`);
        process.exitCode = 1;
      }
    }
  } finally {
    await stopChild(next?.child);
    await stopChild(baseline?.child);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`bench-review: ${(e as Error).message}`);
    if (process.env.FACTDECK_DEBUG) console.error(e);
    process.exit(1);
  });
}
