/**
 * Crash test: the real server (`scripts/start.ts` → `next start`, SQLite) is
 * killed with SIGKILL while students' grades are in flight, three times.
 * After each restart every grade the server acknowledged (HTTP 200) is in
 * the database: an acknowledged write survives a crash.
 *
 * The first run builds the app into NEXT_DIST_DIR (default .next-robustness);
 * later runs reuse the build while the sources are unchanged.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto, { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { freePort } from "../helpers/postgres-server";
import { availableProviders, emptyDatabase } from "../helpers/test-db";

const ROUNDS = 3;
const WORKERS = 8;
const root = path.resolve(__dirname, "../../..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port nobody listens on (FACTDECK_CRASH_PORT when set): the health check must reach our server, not another. */
const crashPort = async (): Promise<number> => (process.env.FACTDECK_CRASH_PORT ? Number(process.env.FACTDECK_CRASH_PORT) : freePort());

describe.each(availableProviders())("kill -9 during grading on %s", (provider) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-crash-"));
  // SQLite: a file of its own; PostgreSQL: an empty database of its own. `npm start` migrates and seeds either.
  let target = resolveDatabaseUrl(`file:${path.join(dir, "crash.db")}`);
  let dropDatabase = async () => {};
  const secret = crypto.randomBytes(32).toString("base64url");
  let BASE = "";
  let env = { ...process.env };
  const setEnv = (port: number) => {
    BASE = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      DATABASE_URL: target.url,
      PORT: String(port),
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-robustness",
      BETTER_AUTH_URL: BASE,
      BETTER_AUTH_SECRET: secret,
      NEXT_TELEMETRY_DISABLED: "1",
    };
  };
  let server: ChildProcess | undefined;
  const tail: string[] = [];

  async function start(timeoutMs: number) {
    // Its own process group, so SIGKILL reaches start.ts and the `next start` it runs.
    server = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/start.ts")], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (b: Buffer) => {
      tail.push(...b.toString().split("\n").filter(Boolean));
      tail.splice(0, Math.max(0, tail.length - 40));
    };
    server.stdout!.on("data", keep);
    server.stderr!.on("data", keep);
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${tail.join("\n")}`);
      try {
        if ((await fetch(`${BASE}/api/health`)).ok) return;
      } catch {
        /* not up yet */
      }
      await sleep(250);
    }
    throw new Error(`server did not answer within ${timeoutMs / 1000} s:\n${tail.join("\n")}`);
  }

  async function kill9() {
    const s = server!;
    const exited = new Promise<void>((r) => (s.exitCode !== null || s.signalCode !== null ? r() : s.once("exit", () => r())));
    process.kill(-s.pid!, "SIGKILL");
    await exited;
    await sleep(200); // the group's other processes (next start) go down with it
  }

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    await dropDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let cookie = "";
  let cardIds: string[] = [];
  beforeAll(async () => {
    if (provider === "postgresql") {
      const made = await emptyDatabase("postgresql");
      target = made.target;
      dropDatabase = made.drop;
    }
    setEnv(await crashPort());
    await start(15 * 60_000);
    // A student with a session, made in the database and signed as better-auth signs its cookie.
    const db = createDb(target);
    const userId = randomUUID();
    const token = crypto.randomBytes(24).toString("base64url");
    await db.user.create({ data: { id: userId, name: "Crash Student", email: `${userId}@example.org`, role: "student" } });
    await db.session.create({ data: { id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + 24 * 3600_000) } });
    cardIds = (await db.deckCard.findMany({ where: { deckId: "everything", card: { retired: false } }, orderBy: { position: "asc" }, select: { cardId: true } })).map((c) => c.cardId);
    await db.$disconnect();
    const signature = crypto.createHmac("sha256", secret).update(token).digest("base64");
    cookie = `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
  }, 16 * 60_000);

  it(`loses no acknowledged grade in ${ROUNDS} kill -9 rounds`, async () => {
    const acknowledged: string[] = [];
    let next = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      if (round > 1) await start(180_000);
      const before = acknowledged.length;
      let stop = false;
      const worker = async () => {
        while (!stop && next < cardIds.length) {
          const reviewId = randomUUID();
          const cardId = cardIds[next++]!;
          try {
            const res = await fetch(`${BASE}/api/review/grade`, {
              method: "POST",
              headers: { "content-type": "application/json", origin: BASE, cookie },
              body: JSON.stringify({ reviewId, deckId: "everything", cardId, grade: 3, expectedVersion: 0, durationMs: 1000 }),
            });
            if (res.status === 200) acknowledged.push(reviewId);
            else if (res.status !== 409) throw new Error(`grade answered ${res.status}: ${await res.text()}`);
          } catch (e) {
            if (!stop) throw e;
            return; // the server is gone mid-request: not acknowledged
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, worker);
      // Let some grades through, then kill the server while others are in flight.
      const until = Date.now() + 60_000;
      while (acknowledged.length - before < 60 && Date.now() < until) await sleep(20);
      stop = true;
      await kill9();
      await Promise.all(workers);
      expect(acknowledged.length - before).toBeGreaterThan(0);
    }
    const db = createDb(target);
    const stored = new Set((await db.reviewLog.findMany({ where: { id: { in: acknowledged } }, select: { id: true } })).map((r) => r.id));
    await db.$disconnect();
    const lost = acknowledged.filter((id) => !stored.has(id));
    console.log(`[crash ${provider}] ${ROUNDS} kill -9 rounds: ${acknowledged.length} acknowledged grades, ${lost.length} lost`);
    expect(lost).toEqual([]);
  }, 15 * 60_000);
});
