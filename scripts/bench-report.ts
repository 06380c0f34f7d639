/**
 * Benchmark (not a test): the class reports on a scratch SQLite database.
 *
 *   npx tsx scripts/bench-report.ts [--students 30,300] [--cards 200] [--attempts 20] [--runs 9]
 *
 * For each class size it builds a fresh database (migrated, no corpus: 200
 * synthetic facts with one card each in one deck), a class of N students,
 * each with a card state and a review for every card and 20 finished quiz
 * attempts of 10 questions (answers included) on the class's quiz
 * assignment, plus one review assignment. It then times, as the median of
 * several runs after warm-up:
 *
 * - the per-fact class report (`classFactReport`), cold (parsed-snapshot
 *   cache cleared before every run) and warm;
 * - the quiz assignment report with item analysis, and the review
 *   assignment report (`loadAssignmentReport`);
 *
 * next to a baseline measured in the same process — a plain
 * `classMember.count()` on the same client — and the ratio to it.
 * Target: the class report under 50 ms for 30 students on SQLite.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb, type Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { classFactReport, clearReportCaches, loadAssignmentReport } from "@/lib/data/reports";
import type { Viewer } from "@/lib/auth/roles";
import { migrate } from "./db";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
}
const SIZES = arg("students", "30,300").split(",").map(Number);
const CARDS = Number(arg("cards", "200"));
const ATTEMPTS = Number(arg("attempts", "20"));
const QUESTIONS = 10;
const RUNS = Math.max(3, Number(arg("runs", "9")));
const NOW = new Date("2026-03-10T12:00:00Z");
const DAY = 86_400_000;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A deterministic PRNG (mulberry32), so every run builds the same data. */
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

async function chunks<T>(rows: T[], size: number, write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function build(db: Db, students: number): Promise<Viewer> {
  const rand = rng(42);
  const teacher: Viewer = { id: "t", name: "Bench Teacher", email: "t@bench.test", role: "teacher" };
  await db.user.create({ data: { ...teacher } });
  const factIds = Array.from({ length: CARDS }, (_, i) => `bench-fact-${String(i).padStart(3, "0")}`);
  await db.fact.createMany({
    data: factIds.map((id, i) => ({ id, statement: `Statement ${i} of the bench corpus, about as long as a real one.`, label: `Fact ${i}`, kind: "event", sortKey: String(i).padStart(4, "0"), dataJson: "{}", contentHash: "x" })),
  });
  await db.card.createMany({
    data: factIds.map((factId, i) => ({ id: `bench-card-${i}`, factId, kind: "when", front: `Front ${i}`, back: `Back ${i}`, sourceSlug: "bench", quote: "q", link: "/", contentHash: "x" })),
  });
  await db.deck.create({ data: { id: "bench", title: "Bench deck", description: "", position: 0, contentHash: "x" } });
  await db.deckCard.createMany({ data: factIds.map((_, i) => ({ deckId: "bench", cardId: `bench-card-${i}`, position: i })) });
  await db.classroom.create({ data: { id: "bench-class", teacherId: teacher.id, name: "Bench", joinCode: "BENCH234" } });
  const quizSettings = { questionCount: QUESTIONS, types: ["multiple-choice"], timeLimitMinutes: 20, attemptsAllowed: ATTEMPTS, feedback: "end", shuffle: true, questionSet: "per-student", timeMultipliers: {} };
  await db.assignment.create({ data: { id: "bench-quiz", classId: "bench-class", deckId: "bench", kind: "quiz", title: "Quiz", openAt: new Date(NOW.getTime() - 30 * DAY), dueAt: new Date(NOW.getTime() - DAY), settingsJson: JSON.stringify(quizSettings), seed: "s" } });
  await db.assignment.create({ data: { id: "bench-review", classId: "bench-class", deckId: "bench", kind: "review", title: "Review", openAt: new Date(NOW.getTime() - 30 * DAY), dueAt: new Date(NOW.getTime() + DAY), seed: "r" } });

  // Two questions per fact; a snapshot carries full questions (prompt, options, quote, explanation).
  const question = (k: number) => {
    const f = Math.floor(k / 2);
    return {
      id: `q-${k}`,
      type: "multiple-choice",
      prompt: `When did event ${f} happen, according to the report that documents it?`,
      options: ["1994", "1997", "2020", "2023"],
      answer: "2020",
      factIds: [factIds[f]!],
      sources: [{ slug: "bench", quote: "A quoted sentence from the article that documents this fact, long enough to be realistic in size." }],
      explanation: "The article dates the event; the other years belong to other events of the corpus.",
      about: "when",
    };
  };
  const users: Prisma.UserCreateManyInput[] = [];
  const members: Prisma.ClassMemberCreateManyInput[] = [];
  const states: Prisma.CardStateCreateManyInput[] = [];
  const logs: Prisma.ReviewLogCreateManyInput[] = [];
  const attempts: Prisma.QuizAttemptCreateManyInput[] = [];
  const answers: Prisma.QuizAnswerCreateManyInput[] = [];
  for (let s = 0; s < students; s++) {
    const id = `s${String(s).padStart(4, "0")}`;
    users.push({ id, name: `Student ${s}`, email: `${id}@bench.test` });
    members.push({ classId: "bench-class", userId: id });
    for (let c = 0; c < CARDS; c++) {
      const last = new Date(NOW.getTime() - Math.floor(rand() * 20) * DAY);
      states.push({ userId: id, cardId: `bench-card-${c}`, due: new Date(last.getTime() + 5 * DAY), stability: 1 + rand() * 30, difficulty: 5, elapsedDays: 1, scheduledDays: 5, learningSteps: 0, reps: 3, lapses: 0, state: "Review", lastReview: last, version: 3 });
      logs.push({ id: `${id}-log-${c}`, userId: id, cardId: `bench-card-${c}`, grade: 3, reviewedAt: last, durationMs: Math.floor(rand() * 20_000), versionAfter: 1, introduced: true, logJson: "{}" });
    }
    for (let a = 0; a < ATTEMPTS; a++) {
      const attemptId = `${id}-att-${a}`;
      const picked = new Set<number>();
      while (picked.size < QUESTIONS) picked.add(Math.floor(rand() * CARDS * 2));
      const questions = [...picked].map(question);
      const startedAt = new Date(NOW.getTime() - (ATTEMPTS - a) * DAY);
      let score = 0;
      questions.forEach((q, i) => {
        const correct = rand() < 0.7;
        if (correct) score++;
        answers.push({ attemptId, questionId: q.id, position: i, responseJson: '"2020"', correct, partial: correct ? 1 : 0, answeredAt: new Date(startedAt.getTime() + (i + 1) * 30_000) });
      });
      attempts.push({
        id: attemptId,
        userId: id,
        deckId: "bench",
        assignmentId: "bench-quiz",
        seed: attemptId,
        settingsJson: JSON.stringify({ count: QUESTIONS, types: ["multiple-choice"], feedback: "end" }),
        snapshotJson: JSON.stringify({ seed: attemptId, settings: { count: QUESTIONS, types: ["multiple-choice"], feedback: "end" }, questions }),
        questionCount: QUESTIONS,
        startedAt,
        finishedAt: new Date(startedAt.getTime() + 6 * 60_000),
        score,
        maxScore: QUESTIONS,
      });
    }
  }
  await chunks(users, 500, (data) => db.user.createMany({ data }));
  await chunks(members, 500, (data) => db.classMember.createMany({ data }));
  await chunks(states, 2000, (data) => db.cardState.createMany({ data }));
  await chunks(logs, 2000, (data) => db.reviewLog.createMany({ data }));
  await chunks(attempts, 500, (data) => db.quizAttempt.createMany({ data }));
  await chunks(answers, 2000, (data) => db.quizAnswer.createMany({ data }));
  return teacher;
}

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
      const teacher = await build(db, n);
      const built = performance.now() - t0;
      const baseline = await time(() => db.classMember.count());
      const factCold = await time(() => classFactReport("bench-class", NOW, db), clearReportCaches);
      const factWarm = await time(() => classFactReport("bench-class", NOW, db));
      const quiz = await time(() => loadAssignmentReport(teacher, "bench-quiz", NOW, db), clearReportCaches);
      const review = await time(() => loadAssignmentReport(teacher, "bench-review", NOW, db));
      const check = await classFactReport("bench-class", NOW, db);
      const fmt = (ms: number) => `${ms.toFixed(1)} ms (${(ms / baseline).toFixed(0)}× baseline)`;
      console.log(`\n${n} students (built in ${(built / 1000).toFixed(1)} s; ${check.rows.length} facts, ${n * CARDS} card states, ${n * ATTEMPTS} attempts, ${n * ATTEMPTS * QUESTIONS} answers)`);
      console.log(`  baseline classMember.count()        ${baseline.toFixed(2)} ms`);
      console.log(`  class fact report, cold snapshots   ${fmt(factCold)}`);
      console.log(`  class fact report, warm             ${fmt(factWarm)}`);
      console.log(`  quiz assignment report + items      ${fmt(quiz)}`);
      console.log(`  review assignment report            ${fmt(review)}`);
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
