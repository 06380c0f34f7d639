/**
 * Benchmark (not a test): Lighthouse 12 (pinned 12.2.3; 13 needs Node 22),
 * mobile (its default: Moto G Power, simulated slow 4G and 4× CPU
 * slowdown), in Debian's Chromium (/usr/bin/chromium, or `CHROME_PATH`).
 *
 *   npm run -s bench:lighthouse -- [--runs 3] [--port 3421] [--dist .next-bench] [--no-build] [--smoke]
 *
 * Builds the app into `--dist` unless a build of the current sources is
 * there (`--no-build` takes any build), serves it with `next start` on a
 * scratch SQLite database (migrated, corpus seeded), signs a student up
 * through the real form and starts a practice quiz for them, then audits the
 * home page and sign-in (signed out) and the dashboard, the review page and
 * the quiz (signed in, the session cookie sent as a header), `--runs` times
 * each, and prints the median performance score, accessibility and best
 * practices, FCP, LCP, TBT and CLS per page.
 * `--smoke`: checks that Lighthouse loads and Chromium starts for it (no server, no audit).
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { migrate } from "../../db";
import { arg, flag } from "../shared/args";
import { median } from "../shared/percentiles";
import { buildApp, isFreshBuild, portIsFree, startChild, stopChild, waitFor } from "../review/processes";
import { signUpStudent } from "../review/sign-up";

const root = path.resolve(__dirname, "../../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const RUNS = Number(arg("runs", "3"));
const PORT = Number(arg("port", "3421"));
const DIST = arg("dist", ".next-bench");
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const log = (s: string) => console.log(`bench-lighthouse: ${s}`);

type Audit = { perf: number; a11y: number; bp: number; fcp: number; lcp: number; tbt: number; cls: number };

async function audit(url: string, cookie: string | null, port: number): Promise<Audit> {
  const { default: lighthouse } = await import("lighthouse");
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices"],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const { categories: c, audits: a } = result.lhr;
  if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
  const num = (id: string) => a[id]?.numericValue ?? NaN;
  return {
    perf: (c.performance?.score ?? NaN) * 100,
    a11y: (c.accessibility?.score ?? NaN) * 100,
    bp: (c["best-practices"]?.score ?? NaN) * 100,
    fcp: num("first-contentful-paint"),
    lcp: num("largest-contentful-paint"),
    tbt: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
  };
}

/** Lighthouse sometimes loses the trace of a load (NO_NAVSTART, NO_FCP) on a busy machine: such a run is made again, up to three times. */
async function retried<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= 3) throw e;
      log(`run failed (${e instanceof Error ? e.message.slice(0, 120) : String(e)}), again`);
    }
  }
}

async function withChrome<T>(fn: (port: number) => Promise<T>): Promise<T> {
  const { launch } = await import("chrome-launcher");
  const chrome = await launch({ chromePath: CHROME, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    return await fn(chrome.port);
  } finally {
    chrome.kill();
  }
}

async function main() {
  if (flag("smoke")) {
    const { default: lighthouse } = await import("lighthouse");
    await withChrome(async (port) => log(`smoke: Lighthouse ${typeof lighthouse === "function" ? "loaded" : "missing"}, ${CHROME} listening for it on port ${port}`));
    return;
  }
  if (!(await portIsFree(PORT))) throw new Error(`port ${PORT} is in use (--port)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-bench-lh-"));
  const base = `http://localhost:${PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST,
    DATABASE_URL: `file:${path.join(tmp, "lh.db")}`,
    BETTER_AUTH_URL: base,
    BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    SEED_DEMO: "0",
    PORT: String(PORT),
  };
  let next: ReturnType<typeof startChild> | undefined;
  try {
    if (flag("no-build")) {
      if (!fs.existsSync(path.join(root, DIST, "BUILD_ID"))) throw new Error(`--no-build: no build in ${DIST}`);
    } else if (!isFreshBuild(DIST)) buildApp(env);
    await migrate(resolveDatabaseUrl(env.DATABASE_URL), true);
    const seed = spawnSync(process.execPath, [tsxCli, path.join(root, "prisma", "seed.ts")], { cwd: root, env, encoding: "utf8" });
    if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr || seed.stdout}`);
    next = startChild([nextBin, "start", "-p", String(PORT)], env);
    await waitFor(`${base}/api/health`, next.child, 60_000);
    const { student } = await signUpStudent(base, 0);
    // The quiz page needs an attempt: started in-process on the same database, as the practice form would.
    process.env.DATABASE_URL = env.DATABASE_URL;
    const { getDb } = await import("@/lib/db");
    const { startPracticeQuiz } = await import("@/lib/data/practice-start");
    const user = await getDb().user.findUniqueOrThrow({ where: { email: student.email }, select: { id: true } });
    const { attemptId } = await startPracticeQuiz({ userId: user.id, deckId: "everything", count: 5, types: null, feedback: "immediate", seed: "lighthouse", now: new Date() });
    await getDb().$disconnect();
    const pages: [string, string, string | null][] = [
      ["home", "/", null],
      ["sign-in", "/sign-in", null],
      ["dashboard", "/dashboard", student.cookie],
      ["review", "/review/everything", student.cookie],
      ["quiz", `/quiz/${attemptId}`, student.cookie],
    ];
    log(`${RUNS} runs per page, mobile, ${CHROME}, next start on ${base}`);
    const rows: string[] = [];
    await withChrome(async (port) => {
      for (const [name, url, cookie] of pages) {
        const runs: Audit[] = [];
        // One unmeasured load first, so every measured run meets a warm server.
        await fetch(base + url, { headers: cookie ? { cookie } : {} }).then((r) => r.arrayBuffer());
        for (let i = 0; i < RUNS; i++) runs.push(await retried(() => audit(base + url, cookie, port)));
        const m = (k: keyof Audit) => median(runs.map((r) => r[k]));
        rows.push(`| ${name} | ${m("perf").toFixed(0)} (${runs.map((r) => r.perf.toFixed(0)).join(", ")}) | ${m("a11y").toFixed(0)} | ${m("bp").toFixed(0)} | ${(m("fcp") / 1000).toFixed(2)} s | ${(m("lcp") / 1000).toFixed(2)} s | ${m("tbt").toFixed(0)} ms | ${m("cls").toFixed(3)} |`);
        log(rows.at(-1)!);
      }
    });
    console.log("\n| page | performance, median (runs) | accessibility | best practices | FCP | LCP | TBT | CLS |\n|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of rows) console.log(r);
  } finally {
    await stopChild(next?.child);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
