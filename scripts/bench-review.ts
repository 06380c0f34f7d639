/**
 * Benchmark (not a test): grading review cards over HTTP, next to a bare
 * `node:http` + better-sqlite3 server doing the same work, and the review
 * page's first-load JavaScript.
 *
 *   npx tsx scripts/bench-review.ts [--no-build] [--port 3401] [--baseline-port 3402]
 *                                   [--students 50] [--grades 40] [--warmup 5] [--deck everything] [--seed 1]
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
 *    same schema, one IMMEDIATE transaction (replay check, deck membership,
 *    study settings, card state read, version check, lib/srs `applyGrade`,
 *    guarded UPDATE or INSERT, ReviewLog INSERT), then the next card with a
 *    simple query (the earliest card due now, else the first new card by
 *    position) and its lib/srs `previewIntervals`. It skips what the app's
 *    `deckQueue` adds on top: reading every card state of the deck, the day's
 *    review logs and `buildQueue`'s limits and counts.
 * 8. Where the time goes: Next's floor (the same clients on GET /api/health,
 *    a route handler with one trivial query), and, sequential and in-process
 *    on a third copy, the grade route's three steps (`getViewer`,
 *    `gradeCard`, `deckQueue`) called directly through Prisma, no HTTP, no Next.
 *
 * Exits 1 when any request of the workload answered non-2xx.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { applyGrade } from "@/lib/srs/apply-grade";
import { newCardState, type SrsCardState, type SrsState } from "@/lib/srs/card-state";
import { gradeRequestSchema } from "@/lib/srs/grade-request";
import { srsParams, studySettingsSchema } from "@/lib/srs/params";
import { previewIntervals } from "@/lib/srs/preview-intervals";
import { migrate } from "./db";
import { keepingTsconfig } from "./keep-tsconfig";

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const DIST_DIR = ".next-bench";
const COOKIE_NAME = "better-auth.session_token";
const PASSWORD = "factdeck-bench-password";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
}
const PORT = Number(arg("port", "3401"));
const BASELINE_PORT = Number(arg("baseline-port", "3402"));
const STUDENTS = Number(arg("students", "50"));
const GRADES = Number(arg("grades", "40"));
const WARMUP = Number(arg("warmup", "5"));
const DECK = arg("deck", "everything");
const SEED = Number(arg("seed", "1"));
const NEW_PER_DAY = 200;

// ── small helpers ─────────────────────────────────────────────────────────────

/** A deterministic PRNG (mulberry32), so every run sends the same grades. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mostly Good: 10 % Again, 10 % Hard, 70 % Good, 10 % Easy. */
function pickGrade(r: number): 1 | 2 | 3 | 4 {
  return r < 0.1 ? 1 : r < 0.2 ? 2 : r < 0.9 ? 3 : 4;
}

/** Nearest-rank percentile of an ascending list. */
function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const log = (s: string) => console.log(`bench-review: ${s}`);

/** SQLite DATETIME text exactly as Prisma's better-sqlite3 adapter writes it. */
const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: "127.0.0.1" });
    sock.once("connect", () => {
      sock.destroy();
      resolve(false);
    });
    sock.once("error", () => resolve(true));
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (code ${child.exitCode}) before answering ${url}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(150);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Starts a server child, keeping the last lines of its output for error reports. */
function startChild(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];
  const keep = (buf: Buffer) => {
    for (const line of buf.toString().split("\n")) if (line.trim()) tail.push(line);
    if (tail.length > 60) tail.splice(0, tail.length - 60);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, tail };
}

async function stopChild(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

// ── signing up through the real form ──────────────────────────────────────────

const decodeHtml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * Posts a page's form (the one with the first of `fields`) as a browser without JavaScript does: its
 * hidden inputs (React's server action reference and key) plus `fields`,
 * multipart, to the page's own URL.
 */
async function submitForm(base: string, page: string, fields: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  const res = await fetch(base + page, { headers, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${page} answered ${res.status}`);
  // The form that has the first field (the header's sign-out button is a form too).
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(`name="${Object.keys(fields)[0]}"`));
  if (!form) throw new Error(`no form with a field ${Object.keys(fields)[0]} on ${page}`);
  const body = new FormData();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
    const name = decodeHtml(m[1]!);
    if (!(name in fields)) body.append(name, decodeHtml(m[2] ?? ""));
  }
  if (!body.has("$ACTION_KEY") && ![...body.keys()].some((k) => k.startsWith("$ACTION"))) throw new Error(`the form on ${page} has no server action`);
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return fetch(base + page, { method: "POST", body, redirect: "manual", headers: { origin: base, ...headers } });
}

type Student = { email: string; cookie: string; ip: string };

async function signUpStudent(base: string, i: number): Promise<{ student: Student; ms: number }> {
  const email = `bench-student-${String(i).padStart(3, "0")}@bench.test`;
  const ip = `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const t0 = performance.now();
  const res = await submitForm(base, "/sign-up", { name: `Bench Student ${i}`, email, password: PASSWORD, role: "student" }, { "x-forwarded-for": ip });
  const took = performance.now() - t0;
  await res.arrayBuffer();
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE_NAME}=`));
  if (res.status !== 303 || !set) throw new Error(`sign-up of ${email} answered ${res.status} without a session cookie`);
  return { student: { email, ip, cookie: set.split(";")[0]! }, ms: took };
}

async function raiseNewPerDay(base: string, s: Student) {
  const res = await submitForm(
    base,
    "/settings",
    { retentionPercent: "90", newPerDay: String(NEW_PER_DAY), maxReviewsPerDay: "200", timeZone: "UTC", dayStartHour: "4", quizFeedback: "immediate" },
    { cookie: s.cookie, "x-forwarded-for": s.ip },
  );
  const html = await res.text();
  if (!res.ok || !html.includes("Settings saved")) throw new Error(`saving the study settings of ${s.email} failed (${res.status})`);
}

// ── first-load JavaScript ─────────────────────────────────────────────────────

type PageJs = { status: number; chunks: number; raw: number; gzip: number; inlineRaw: number; inlineGzip: number };

/**
 * Every JavaScript chunk a page's HTML makes the browser load: `<script src>`,
 * preloads and the chunk lists in the inline RSC payload, de-duplicated.
 * Inline scripts (the RSC payload) are summed separately.
 */
async function pageJs(base: string, page: string, cookie?: string): Promise<PageJs> {
  const res = await fetch(base + page, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${page} answered ${res.status}`);
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) urls.add(decodeHtml(m[1]!));
  for (const m of html.matchAll(/(?:\/_next\/)?static\/chunks\/[A-Za-z0-9_.~\-/]+?\.js/g)) urls.add(m[0].startsWith("/_next/") ? m[0] : `/_next/${m[0]}`);
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const r = await fetch(new URL(url, base));
    const buf = Buffer.from(await r.arrayBuffer());
    if (!r.ok) throw new Error(`GET ${url} answered ${r.status}`);
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  const inlineBuf = Buffer.from(inline);
  return { status: res.status, chunks: urls.size, raw, gzip, inlineRaw: inlineBuf.length, inlineGzip: zlib.gzipSync(inlineBuf, { level: 9 }).length };
}

// ── the workload ──────────────────────────────────────────────────────────────

type ShownCard = { cardId: string; version: number };
type Phase = { latencies: number[]; wallMs: number; errors: string[]; emptyQueues: number; firstGet: number[] };

async function runWorkload(base: string, students: Student[]): Promise<Phase> {
  const errors: string[] = [];
  let emptyQueues = 0;
  const cards = new Map<number, ShownCard | null>();
  const firstGet: number[] = [];

  const getNext = async (i: number) => {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/review/${DECK}/next`, { headers: { cookie: students[i]!.cookie } });
    const text = await res.text();
    firstGet.push(performance.now() - t0);
    if (!res.ok) {
      errors.push(`GET next ${res.status} ${text.slice(0, 200)}`);
      return null;
    }
    return (JSON.parse(text) as { card: ShownCard | null }).card;
  };

  const loop = async (i: number, rand: () => number, count: number, latencies: number[] | null) => {
    for (let k = 0; k < count; k++) {
      let card = cards.get(i) ?? null;
      if (!card) {
        emptyQueues++;
        return;
      }
      const body = { reviewId: crypto.randomUUID(), deckId: DECK, cardId: card.cardId, grade: pickGrade(rand()), expectedVersion: card.version, durationMs: 1500 + Math.floor(rand() * 6000) };
      const t0 = performance.now();
      const res = await fetch(`${base}/api/review/grade`, {
        method: "POST",
        headers: { cookie: students[i]!.cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      latencies?.push(performance.now() - t0);
      if (res.ok) {
        card = (JSON.parse(text) as { next: { card: ShownCard | null } }).next.card;
      } else {
        errors.push(`POST grade ${res.status} ${text.slice(0, 200)}`);
        card = await getNext(i);
      }
      cards.set(i, card);
    }
  };

  const rands = students.map((_, i) => rng(SEED * 1000 + i));
  await Promise.all(students.map(async (_, i) => cards.set(i, await getNext(i))));
  await Promise.all(students.map((_, i) => loop(i, rands[i]!, WARMUP, null)));
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(students.map((_, i) => loop(i, rands[i]!, GRADES, latencies)));
  const wallMs = performance.now() - t0;
  return { latencies: latencies.sort((a, b) => a - b), wallMs, errors, emptyQueues, firstGet: firstGet.sort((a, b) => a - b) };
}

/**
 * Next's floor on this machine: the same number of clients hitting
 * GET /api/health (a route handler and one trivial query) as fast as they can.
 */
async function healthFloor(base: string): Promise<{ perSecond: number; p50: number }> {
  const per = 20;
  const latencies: number[] = [];
  const one = async () => {
    for (let k = 0; k < per; k++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`GET /api/health answered ${res.status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: STUDENTS }, one));
  latencies.length = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: STUDENTS }, one));
  const wall = performance.now() - t0;
  return { perSecond: latencies.length / (wall / 1000), p50: pct(latencies.sort((a, b) => a - b), 50) };
}

// ── the baseline server (child process: --serve-baseline <db>) ────────────────

type StateRow = {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: string;
  lastReview: string | null;
  version: number;
};

function serveBaseline(dbFile: string, port: number) {
  const secret = process.env.BETTER_AUTH_SECRET ?? "";
  const db = new Database(dbFile);
  // The same busy timeout the app's driver adapter sets (lib/db.ts); default (rollback) journal, as the app.
  db.pragma("busy_timeout = 10000");
  const q = {
    session: db.prepare<[string], { userId: string; expiresAt: string; role: string }>(
      `SELECT s.userId, s.expiresAt, u.role FROM Session s JOIN User u ON u.id = s.userId WHERE s.token = ?`,
    ),
    deck: db.prepare<[string], { id: string }>(`SELECT id FROM Deck WHERE id = ?`),
    replay: db.prepare<[string], { userId: string; cardId: string; grade: number; versionAfter: number }>(
      `SELECT userId, cardId, grade, versionAfter FROM ReviewLog WHERE id = ?`,
    ),
    member: db.prepare<[string, string], { retired: number }>(
      `SELECT c.retired FROM DeckCard dc JOIN Card c ON c.id = dc.cardId WHERE dc.deckId = ? AND dc.cardId = ?`,
    ),
    settings: db.prepare<[string], { desiredRetention: number; newPerDay: number; maxReviewsPerDay: number; timeZone: string; dayStartHour: number }>(
      `SELECT desiredRetention, newPerDay, maxReviewsPerDay, timeZone, dayStartHour FROM StudySettings WHERE userId = ?`,
    ),
    state: db.prepare<[string, string], StateRow>(
      `SELECT due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, version
         FROM CardState WHERE userId = ? AND cardId = ?`,
    ),
    update: db.prepare(
      `UPDATE CardState SET due = @due, stability = @stability, difficulty = @difficulty, elapsedDays = @elapsedDays,
              scheduledDays = @scheduledDays, learningSteps = @learningSteps, reps = @reps, lapses = @lapses, state = @state,
              lastReview = @lastReview, version = @version, updatedAt = @now
        WHERE userId = @userId AND cardId = @cardId AND version = @expectedVersion`,
    ),
    insert: db.prepare(
      `INSERT INTO CardState (userId, cardId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, version, createdAt, updatedAt)
       VALUES (@userId, @cardId, @due, @stability, @difficulty, @elapsedDays, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview, @version, @now, @now)`,
    ),
    log: db.prepare(
      `INSERT INTO ReviewLog (id, userId, cardId, grade, reviewedAt, durationMs, versionAfter, introduced, logJson)
       VALUES (@id, @userId, @cardId, @grade, @reviewedAt, @durationMs, @versionAfter, @introduced, @logJson)`,
    ),
    nextDue: db.prepare<[string, string, string], { cardId: string }>(
      `SELECT cs.cardId FROM CardState cs JOIN DeckCard dc ON dc.cardId = cs.cardId AND dc.deckId = ?
        WHERE cs.userId = ? AND cs.due <= ? ORDER BY cs.due, cs.cardId LIMIT 1`,
    ),
    nextNew: db.prepare<[string, string], { cardId: string }>(
      `SELECT dc.cardId FROM DeckCard dc JOIN Card c ON c.id = dc.cardId AND c.retired = 0
        WHERE dc.deckId = ? AND NOT EXISTS (SELECT 1 FROM CardState cs WHERE cs.userId = ? AND cs.cardId = dc.cardId)
        ORDER BY dc.position, dc.cardId LIMIT 1`,
    ),
    card: db.prepare<[string], { id: string; kind: string; front: string; back: string; quote: string; link: string; sourceSlug: string; outlet: string | null }>(
      `SELECT c.id, c.kind, c.front, c.back, c.quote, c.link, c.sourceSlug,
              (SELECT s.outlet FROM FactSource fs JOIN Source s ON s.slug = fs.sourceSlug WHERE fs.factId = c.factId ORDER BY fs.position LIMIT 1) AS outlet
         FROM Card c WHERE c.id = ?`,
    ),
  };

  const toState = (r: StateRow): SrsCardState => ({ ...r, state: r.state as SrsState, due: new Date(r.due), lastReview: r.lastReview ? new Date(r.lastReview) : null });
  const paramsFor = (userId: string) => srsParams(studySettingsSchema.parse(q.settings.get(userId) ?? {}));

  /** better-auth's signed cookie: `<token>.<base64 HMAC-SHA256(secret, token)>`, checked, then the session row by token. */
  const viewer = (cookieHeader: string | undefined, now: Date) => {
    const raw = cookieHeader?.split(/;\s*/).find((c) => c.startsWith(`${COOKIE_NAME}=`));
    if (!raw) return null;
    const value = decodeURIComponent(raw.slice(COOKIE_NAME.length + 1));
    const dot = value.lastIndexOf(".");
    const token = value.slice(0, dot);
    const sig = Buffer.from(value.slice(dot + 1));
    const want = Buffer.from(crypto.createHmac("sha256", secret).update(token).digest("base64"));
    if (dot < 1 || sig.length !== want.length || !crypto.timingSafeEqual(sig, want)) return null;
    const s = q.session.get(token);
    return s && new Date(s.expiresAt) > now ? s : null;
  };

  const nextCard = (userId: string, deckId: string, now: Date) => {
    const id = q.nextDue.get(deckId, userId, sqlDate(now))?.cardId ?? q.nextNew.get(deckId, userId)?.cardId;
    if (!id) return { card: null, nextDue: null };
    const c = q.card.get(id)!;
    const row = q.state.get(userId, id);
    const state = row ? toState(row) : newCardState(now);
    const p = previewIntervals(state, now, paramsFor(userId));
    return {
      card: { cardId: c.id, kind: c.kind, front: c.front, back: c.back, quote: c.quote, link: c.link, outlet: c.outlet ?? c.sourceSlug, version: state.version, previews: { 1: p[1].label, 2: p[2].label, 3: p[3].label, 4: p[4].label } },
      nextDue: null,
    };
  };

  class Refused extends Error {
    constructor(readonly status: number, message: string) {
      super(message);
    }
  }

  const grade = db.transaction((userId: string, input: ReturnType<typeof gradeRequestSchema.parse>, now: Date) => {
    const prior = q.replay.get(input.reviewId);
    if (prior) {
      if (prior.userId !== userId || prior.cardId !== input.cardId || prior.grade !== input.grade) throw new Refused(409, "review id reused");
      return { replayed: true, cardId: input.cardId, version: prior.versionAfter, due: q.state.get(userId, input.cardId)?.due ?? null };
    }
    const member = q.member.get(input.deckId, input.cardId);
    if (!member || member.retired) throw new Refused(404, "No such card.");
    const params = paramsFor(userId);
    const row = q.state.get(userId, input.cardId);
    const current = row ? toState(row) : newCardState(now);
    if (current.version !== input.expectedVersion) throw new Refused(409, "This card changed since it was shown.");
    const { next, log } = applyGrade(current, input.grade, now, params);
    const cols = {
      userId,
      cardId: input.cardId,
      due: sqlDate(next.due),
      stability: next.stability,
      difficulty: next.difficulty,
      elapsedDays: next.elapsedDays,
      scheduledDays: next.scheduledDays,
      learningSteps: next.learningSteps,
      reps: next.reps,
      lapses: next.lapses,
      state: next.state,
      lastReview: next.lastReview ? sqlDate(next.lastReview) : null,
      version: next.version,
      now: sqlDate(now),
    };
    if (row) {
      if (q.update.run({ ...cols, expectedVersion: input.expectedVersion }).changes !== 1) throw new Refused(409, "This card changed since it was shown.");
    } else {
      q.insert.run(cols);
    }
    q.log.run({
      id: input.reviewId,
      userId,
      cardId: input.cardId,
      grade: input.grade,
      reviewedAt: sqlDate(now),
      durationMs: input.durationMs,
      versionAfter: next.version,
      introduced: row ? 0 : 1,
      logJson: JSON.stringify(log),
    });
    return { replayed: false, cardId: input.cardId, due: next.due, version: next.version };
  });

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", "content-length": Buffer.byteLength(json) });
    res.end(json);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        const now = new Date();
        if (req.url === "/health") return send(res, 200, { ok: true });
        const who = viewer(req.headers.cookie, now);
        if (!who) return send(res, 401, { error: "Please sign in." });
        const nextMatch = req.method === "GET" ? /^\/api\/review\/([a-z0-9-]{1,80})\/next$/.exec(req.url ?? "") : null;
        if (nextMatch) {
          if (!q.deck.get(nextMatch[1]!)) return send(res, 404, { error: "No such deck." });
          return send(res, 200, nextCard(who.userId, nextMatch[1]!, now));
        }
        if (req.method === "POST" && req.url === "/api/review/grade") {
          let json: unknown;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          } catch {
            return send(res, 400, { error: "invalid JSON" });
          }
          const parsed = gradeRequestSchema.safeParse(json);
          if (!parsed.success) return send(res, 400, { error: "invalid input" });
          if (!q.deck.get(parsed.data.deckId)) return send(res, 404, { error: "No such deck." });
          const outcome = grade.immediate(who.userId, parsed.data, now);
          return send(res, 200, { outcome, next: nextCard(who.userId, parsed.data.deckId, now) });
        }
        return send(res, 404, { error: "not found" });
      } catch (e) {
        if (e instanceof Refused) return send(res, e.status, { error: e.message });
        console.error(e);
        return send(res, 500, { error: String((e as Error).message) });
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, "127.0.0.1", () => console.log(`baseline listening on ${port}`));
  const stop = () => server.close(() => (db.close(), process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// ── in-process breakdown ──────────────────────────────────────────────────────

/**
 * The grade route's three steps called directly (Prisma through the driver
 * adapter, better-auth's getSession), one request at a time: what a grade
 * costs without Next, HTTP and concurrency.
 */
async function breakdown(dbFile: string, students: Student[], grades: number, env: NodeJS.ProcessEnv) {
  Object.assign(process.env, { BETTER_AUTH_URL: env.BETTER_AUTH_URL, BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET, DATABASE_URL: `file:${dbFile}` });
  const { getViewer } = await import("@/lib/auth/session");
  const { deckQueue, gradeCard } = await import("@/lib/data/reviews");
  const { getDb } = await import("@/lib/db");
  const db = getDb();
  const parts = { auth: [] as number[], grade: [] as number[], queue: [] as number[], total: [] as number[] };
  let done = 0;
  for (let round = 0; done < grades; round++) {
    for (const [i, s] of students.entries()) {
      if (done >= grades) break;
      const rand = rng(SEED * 7919 + i * 131 + round);
      const headers = new Headers({ cookie: s.cookie });
      const t0 = performance.now();
      const v = await getViewer(headers);
      const t1 = performance.now();
      if (!v) throw new Error("breakdown: session not found");
      const shown = (await deckQueue({ userId: v.id, deckId: DECK, now: new Date() }, db)).card;
      if (!shown) continue;
      const t2 = performance.now();
      const now = new Date();
      await gradeCard({ userId: v.id, reviewId: crypto.randomUUID(), deckId: DECK, cardId: shown.cardId, grade: pickGrade(rand()), expectedVersion: shown.version, durationMs: 2000, now }, db);
      const t3 = performance.now();
      await deckQueue({ userId: v.id, deckId: DECK, now }, db);
      const t4 = performance.now();
      if (round > 0 || i >= 5) {
        // the first few are warm-up
        parts.auth.push(t1 - t0);
        parts.grade.push(t3 - t2);
        parts.queue.push(t4 - t3);
        parts.total.push(t1 - t0 + (t4 - t2));
        done++;
      }
    }
  }
  await db.$disconnect();
  const med = (xs: number[]) => pct(xs.slice().sort((a, b) => a - b), 50);
  return { n: parts.total.length, auth: med(parts.auth), grade: med(parts.grade), queue: med(parts.queue), total: med(parts.total) };
}

// ── main ──────────────────────────────────────────────────────────────────────

function buildApp(env: NodeJS.ProcessEnv) {
  log(`building into ${DIST_DIR} …`);
  const t0 = performance.now();
  // The bench dist dir stays out of type checking: tsconfig.json is restored after the build.
  keepingTsconfig(root, () => {
    const res = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, encoding: "utf8" });
    if (res.status !== 0) throw new Error(`next build failed (exit ${res.status}):\n${`${res.stdout}${res.stderr}`.split("\n").slice(-30).join("\n")}`);
  });
  log(`built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function main() {
  for (const p of [PORT, BASELINE_PORT]) if (!(await portIsFree(p))) throw new Error(`port ${p} is in use (choose another with --port / --baseline-port)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-bench-review-"));
  const files = { next: path.join(tmp, "next.db"), baseline: path.join(tmp, "baseline.db"), breakdown: path.join(tmp, "breakdown.db") };
  const secret = crypto.randomBytes(32).toString("base64url");
  const base = `http://localhost:${PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
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
    if (process.argv.includes("--no-build")) {
      if (!fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) throw new Error(`--no-build: no build in ${DIST_DIR}; run once without --no-build`);
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
    await stopChild(next.child);

    baseline = startChild([tsxCli, __filename, "--serve-baseline", files.baseline, "--baseline-port", String(BASELINE_PORT)], env);
    const baseUrl = `http://localhost:${BASELINE_PORT}`;
    await waitFor(`${baseUrl}/health`, baseline.child, 30_000);
    log(`baseline: same workload on ${baseUrl} …`);
    const baseRun = await runWorkload(baseUrl, students);
    if (baseRun.errors.length) console.error(baseline.tail.join("\n"));
    await stopChild(baseline.child);

    log("in-process breakdown (sequential, no HTTP) …");
    const parts = await breakdown(files.breakdown, students, 200, env);

    report({ nextRun, baseRun, reviewJs, homeJs, parts, floor, signUpMs: pct(signUps, 50) });
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

function report(r: {
  nextRun: Phase;
  baseRun: Phase;
  reviewJs: PageJs;
  homeJs: PageJs;
  parts: Awaited<ReturnType<typeof breakdown>>;
  floor: Awaited<ReturnType<typeof healthFloor>>;
  signUpMs: number;
}) {
  const row = (cells: string[]) => console.log(`| ${cells.join(" | ")} |`);
  const tput = (p: Phase) => p.latencies.length / (p.wallMs / 1000);
  const n = r.nextRun;
  const b = r.baseRun;
  console.log("");
  console.log(`Review grading over HTTP: ${STUDENTS} concurrent students, ${GRADES} measured grades each (after ${WARMUP} warm-up), deck "${DECK}", Node ${process.version}, ${os.cpus().length} cores`);
  console.log("");
  row(["POST /api/review/grade", "Next (next start + Prisma)", "bare node:http + better-sqlite3", "ratio Next/bare"]);
  row(["---", "---:", "---:", "---:"]);
  row(["grades measured", String(n.latencies.length), String(b.latencies.length), ""]);
  row(["p50", `${ms(pct(n.latencies, 50))} ms`, `${ms(pct(b.latencies, 50))} ms`, `${(pct(n.latencies, 50) / pct(b.latencies, 50)).toFixed(1)}×`]);
  row(["p99", `${ms(pct(n.latencies, 99))} ms`, `${ms(pct(b.latencies, 99))} ms`, `${(pct(n.latencies, 99) / pct(b.latencies, 99)).toFixed(1)}×`]);
  row(["max", `${ms(n.latencies.at(-1)!)} ms`, `${ms(b.latencies.at(-1)!)} ms`, `${(n.latencies.at(-1)! / b.latencies.at(-1)!).toFixed(1)}×`]);
  row(["throughput", `${tput(n).toFixed(0)} grades/s`, `${tput(b).toFixed(0)} grades/s`, `${(tput(n) / tput(b)).toFixed(2)}× (bare is ${(tput(b) / tput(n)).toFixed(1)}× faster)`]);
  row(["server time per grade (1/throughput)", `${ms(1000 / tput(n))} ms`, `${ms(1000 / tput(b))} ms`, `${(tput(b) / tput(n)).toFixed(1)}×`]);
  row(["non-2xx", String(n.errors.length), String(b.errors.length), ""]);
  row([`first GET …/next, p50 (${STUDENTS} at once, cold)`, `${ms(pct(n.firstGet, 50))} ms`, `${ms(pct(b.firstGet, 50))} ms`, ""]);
  if (n.emptyQueues || b.emptyQueues) row(["students whose queue ran dry", String(n.emptyQueues), String(b.emptyQueues), ""]);
  console.log("");
  console.log(`Where a grade's time goes without Next/HTTP (in-process, one at a time, median of ${r.parts.n}):`);
  console.log("");
  row(["step", "median"]);
  row(["---", "---:"]);
  row(["getViewer (better-auth getSession: session + user)", `${ms(r.parts.auth)} ms`]);
  row(["gradeCard (Prisma interactive transaction)", `${ms(r.parts.grade)} ms`]);
  row(["deckQueue (next card, counts)", `${ms(r.parts.queue)} ms`]);
  row(["total", `${ms(r.parts.total)} ms`]);
  row([
    `for scale: Next's floor, GET /api/health over HTTP, ${STUDENTS} clients`,
    `${ms(1000 / r.floor.perSecond)} ms per request (${r.floor.perSecond.toFixed(0)} req/s, p50 ${ms(r.floor.p50)} ms)`,
  ]);
  console.log("");
  console.log(`Sign-up through the form: median ${ms(r.signUpMs)} ms (5 at a time).`);
  console.log("");
  console.log("First-load JavaScript (every /_next/static chunk the HTML references; gzip level 9):");
  console.log("");
  row(["page", "chunks", "raw", "gzip", "inline RSC payload raw / gzip"]);
  row(["---", "---:", "---:", "---:", "---:"]);
  for (const [name, p] of [[`/review/${DECK} (signed in)`, r.reviewJs], ["/ (signed out)", r.homeJs]] as const) {
    row([name, String(p.chunks), `${kb(p.raw)} KB`, `${kb(p.gzip)} KB`, `${kb(p.inlineRaw)} KB / ${kb(p.inlineGzip)} KB`]);
  }
  console.log("");
}

if (require.main === module) {
  if (process.argv.includes("--serve-baseline")) {
    serveBaseline(arg("serve-baseline", ""), BASELINE_PORT);
  } else {
    main().catch((e: unknown) => {
      console.error(`bench-review: ${(e as Error).message}`);
      if (process.env.FACTDECK_DEBUG) console.error(e);
      process.exit(1);
    });
  }
}
