/** Where a grade's time goes without Next and HTTP: the grade route's steps called in-process. */
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { percentile as pct } from "../shared/percentiles";
import { seededRandom as rng } from "../shared/seeded-random";
import { DECK, SEED } from "./options";
import type { Student } from "./sign-up";
import { pickGrade } from "./workload";

/**
 * The grade route's steps called directly (Prisma through the driver
 * adapter, better-auth's getSession), one request at a time: what a grade
 * costs without Next, HTTP and concurrency.
 */
export async function breakdown(dbFile: string, students: Student[], grades: number, env: NodeJS.ProcessEnv) {
  Object.assign(process.env, { BETTER_AUTH_URL: env.BETTER_AUTH_URL, BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET, DATABASE_URL: `file:${dbFile}` });
  const { getViewer } = await import("@/lib/auth/session");
  const { deckQueue, gradeAndQueue } = await import("@/lib/data/reviews");
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
      const q0 = performance.now();
      const shown = (await deckQueue({ userId: v.id, deckId: DECK, now: new Date() }, db)).card;
      const q1 = performance.now();
      if (!shown) continue;
      const t2 = performance.now();
      const now = new Date();
      await gradeAndQueue({ userId: v.id, reviewId: crypto.randomUUID(), deckId: DECK, cardId: shown.cardId, grade: pickGrade(rand()), expectedVersion: shown.version, durationMs: 2000, now }, db);
      const t3 = performance.now();
      if (round > 0 || i >= 5) {
        // the first few are warm-up
        parts.auth.push(t1 - t0);
        parts.grade.push(t3 - t2);
        parts.queue.push(q1 - q0);
        parts.total.push(t1 - t0 + (t3 - t2));
        done++;
      }
    }
  }
  await db.$disconnect();
  const med = (xs: number[]) => pct(xs.slice().sort((a, b) => a - b), 50);
  return { n: parts.total.length, auth: med(parts.auth), grade: med(parts.grade), queue: med(parts.queue), total: med(parts.total) };
}
