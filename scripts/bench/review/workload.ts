/** The measured workload: N students grading cards over HTTP at once, and Next's floor for scale. */
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { percentile as pct } from "../shared/percentiles";
import { seededRandom as rng } from "../shared/seeded-random";
import { DECK, GRADES, SEED, STUDENTS, WARMUP } from "./options";
import type { Student } from "./sign-up";

/** Mostly Good: 10 % Again, 10 % Hard, 70 % Good, 10 % Easy. */
export function pickGrade(r: number): 1 | 2 | 3 | 4 {
  return r < 0.1 ? 1 : r < 0.2 ? 2 : r < 0.9 ? 3 : 4;
}

type ShownCard = { cardId: string; version: number };
export type Phase = { latencies: number[]; wallMs: number; errors: string[]; emptyQueues: number; firstGet: number[] };

export async function runWorkload(base: string, students: Student[]): Promise<Phase> {
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
export async function healthFloor(base: string): Promise<{ perSecond: number; p50: number }> {
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

/** Student pages (and the signed-out home) timed at concurrency 1, next to GET /api/health: the "≤ 3× health" check. */
export const PAGE_PATHS = ["/api/health", "/", "/dashboard", `/decks/${DECK}`, `/review/${DECK}`, "/progress", "/quizzes", "/sources"] as const;

/**
 * Each path requested `runs` times one after another (after 3 warm-ups) as a
 * signed-in student (`/` signed out): at concurrency 1 the latency is the
 * server's time. Median per path, in ms.
 */
export async function pageTimes(base: string, cookie: string, runs: number): Promise<{ path: string; median: number; status: number }[]> {
  const out: { path: string; median: number; status: number }[] = [];
  for (const p of PAGE_PATHS) {
    const headers: Record<string, string> = p === "/" ? {} : { cookie };
    const times: number[] = [];
    let status = 0;
    for (let k = 0; k < runs + 3; k++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${p}`, { headers, redirect: "manual" });
      await res.arrayBuffer();
      status = res.status;
      if (k >= 3) times.push(performance.now() - t0);
    }
    out.push({ path: p, median: pct(times.sort((a, b) => a - b), 50), status });
  }
  return out;
}
