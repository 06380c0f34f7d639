/**
 * Exam integrity on a real database (both providers): practice keeps away
 * from an open assignment's facts, practice starts are under an atomic daily
 * quota, review durations are bounded by the server's clock, and teachers'
 * destructive actions leave an audit entry written with the action.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/roles";
import { createAssignment, deleteAssignment } from "@/lib/data/assignments";
import { startAssignment } from "@/lib/data/assignment-start";
import { listClassAudit } from "@/lib/data/class-audit";
import { createClass, joinClassByCode, removeMember, rotateJoinCode, setClassArchived } from "@/lib/data/classes";
import { PRACTICE_QUOTA, startPracticeQuiz } from "@/lib/data/practice-start";
import { finishAttempt } from "@/lib/data/quiz-attempts";
import { gradeCard } from "@/lib/data/reviews";
import { MAX_REVIEW_DURATION_MS } from "@/lib/srs/review-duration";
import type { QuizSnapshot } from "@/lib/quiz/quiz-snapshot";
import { NotFound, RateLimited } from "@/lib/errors";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { corpusInput, makeUser, seededDb } from "./helpers/seeded-db";

const NOW = new Date("2026-03-02T09:00:00Z");
const viewer = (u: { id: string; name: string; email: string; role: string }): Viewer => ({ ...u, role: u.role === "teacher" ? "teacher" : "student" });
const quizForm = (over: Record<string, unknown> = {}) => ({
  kind: "quiz", deckId: "sept-2023", title: "Unit test", openAt: "2026-03-01T08:00", dueAt: "2026-03-09T23:59", questionCount: "5",
  types: ["multiple-choice", "true-false"], timeLimitMinutes: "", attemptsAllowed: "1", feedback: "end", shuffle: "on", questionSet: "fixed", timeMultipliers: {},
  ...over,
});
const settle = <T>(ps: Promise<T>[]) => Promise.all(ps.map((p) => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }))));

describe.each(availableProviders())("exam integrity on %s", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await seededDb(provider);
  });
  afterAll(async () => t?.close());

  async function classWithStudent() {
    const teacher = viewer(await makeUser(t.db, { role: "teacher", name: "Ms T" }));
    const student = viewer(await makeUser(t.db, { name: "Ani" }));
    const klass = await createClass(teacher, { name: "7B", termStart: null, termEnd: null, timeZone: "UTC" }, t.db);
    await joinClassByCode(student, klass.joinCode, NOW, t.db);
    return { teacher, student, klass };
  }
  const factsOf = async (attemptId: string) => {
    const row = await t.db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { snapshotJson: true } });
    return new Set((JSON.parse(row.snapshotJson) as QuizSnapshot).questions.flatMap((q) => q.factIds));
  };

  it("practice never asks about the facts of an open assignment, before or during the attempt; after it, it may", async () => {
    const { teacher, student, klass } = await classWithStudent();
    const { corpus } = corpusInput();
    const a = await createAssignment(teacher, klass.id, quizForm(), undefined, t.db);
    const practise = async (i: number) =>
      (await startPracticeQuiz({ userId: student.id, deckId: "sept-2023", count: 10, types: null, feedback: "immediate", seed: `p${i}`, now: NOW, corpus }, t.db)).attemptId;
    // Before the student starts the assignment: 15 practice quizzes share no fact with the questions they will get.
    const before = new Set<string>();
    for (let i = 0; i < 15; i++) for (const f of await factsOf(await practise(i))) before.add(f);
    const { href } = await startAssignment(student, a.id, NOW, corpus, t.db);
    const assignmentFacts = await factsOf(href.split("/").pop()!);
    expect(assignmentFacts.size).toBeGreaterThan(0);
    expect([...before].filter((f) => assignmentFacts.has(f))).toEqual([]);
    // During the attempt: still none.
    for (let i = 15; i < 20; i++) expect([...(await factsOf(await practise(i)))].filter((f) => assignmentFacts.has(f))).toEqual([]);
    // Once the only attempt is finished, the assignment is closed for this student: practice draws on the whole deck again.
    await finishAttempt({ attemptId: href.split("/").pop()!, userId: student.id, now: NOW }, t.db);
    const after = new Set<string>();
    for (let i = 20; i < 30; i++) for (const f of await factsOf(await practise(i))) after.add(f);
    expect([...after].some((f) => assignmentFacts.has(f))).toBe(true);
  });

  it(`practice quizzes per day: 100 concurrent starts create exactly ${PRACTICE_QUOTA.max}; the next day opens again`, async () => {
    const student = await makeUser(t.db);
    const { corpus } = corpusInput();
    const start = (i: number, now: Date) => startPracticeQuiz({ userId: student.id, deckId: "sept-2023", count: 3, types: null, feedback: "immediate", seed: `q${i}`, now, corpus }, t.db);
    const out = await settle(Array.from({ length: 100 }, (_, i) => start(i, NOW)));
    const made = await t.db.quizAttempt.count({ where: { userId: student.id } });
    console.log(`[exam ${provider}] practice quota: ${made} attempts from 100 concurrent starts (quota ${PRACTICE_QUOTA.max})`);
    expect(made).toBe(PRACTICE_QUOTA.max);
    expect(out.filter((o) => !o.ok).every((o) => (o as { error: unknown }).error instanceof RateLimited)).toBe(true);
    await expect(start(101, new Date(NOW.getTime() + 24 * 3600_000))).resolves.toMatchObject({ attemptId: expect.any(String) });
  });

  it("caps a review's durationMs at what the server's clock allows", async () => {
    const user = await makeUser(t.db);
    const cards = await t.db.deckCard.findMany({ where: { deckId: "sept-2023" }, orderBy: { position: "asc" }, take: 3, select: { cardId: true } });
    const grade = (cardId: string, durationMs: number, now: Date) =>
      gradeCard({ userId: user.id, reviewId: randomUUID(), deckId: "sept-2023", cardId, grade: 3, expectedVersion: 0, durationMs, now }, t.db);
    await grade(cards[0]!.cardId, 24 * 3600_000, NOW);
    await grade(cards[1]!.cardId, 60_000, new Date(NOW.getTime() + 10_000));
    await grade(cards[2]!.cardId, 4_000, new Date(NOW.getTime() + 30_000));
    const logs = await t.db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" }, select: { durationMs: true } });
    expect(logs.map((l) => l.durationMs)).toEqual([MAX_REVIEW_DURATION_MS, 10_000, 4_000]);
  });

  it("logs removing a student, replacing the code, deleting an assignment and archiving, each with its action; refused actions log nothing", async () => {
    const { teacher, student, klass } = await classWithStudent();
    const other = viewer(await makeUser(t.db, { role: "teacher", name: "Mr O" }));
    const a = await createAssignment(teacher, klass.id, quizForm({ title: "Week 1" }), undefined, t.db);
    const at = (m: number) => new Date(NOW.getTime() + m * 60_000);
    await removeMember(klass.id, student.id, teacher, at(1), t.db);
    await expect(removeMember(klass.id, student.id, teacher, at(2), t.db)).rejects.toBeInstanceOf(NotFound);
    await expect(removeMember(klass.id, student.id, other, at(2), t.db)).rejects.toBeInstanceOf(NotFound);
    await rotateJoinCode(klass.id, teacher, t.db);
    await new Promise((r) => setTimeout(r, 5)); // the two are stamped by the server's clock: keep them apart
    await deleteAssignment(teacher, a.id, t.db);
    await setClassArchived(klass.id, teacher, true, new Date(Date.now() + 60_000), t.db);
    await setClassArchived(klass.id, teacher, true, new Date(Date.now() + 120_000), t.db);
    const log = await listClassAudit(klass.id, t.db);
    expect(log.map((e) => [e.action, e.actorName, e.targetName])).toEqual([
      ["archive", "Ms T", null],
      ["delete-assignment", "Ms T", "Week 1"],
      ["rotate-join-code", "Ms T", null],
      ["remove-student", "Ms T", "Ani"],
    ]);
  });
});
