/**
 * Classes and assignments on a real database: creating and joining classes,
 * codes that are wrong, rotated or expired, access between teachers, field
 * errors that save nothing, late marking across a time-zone boundary, and
 * starting quiz assignments (time multipliers, attempts, question sets).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import type { Viewer } from "../../lib/auth/roles";
import {
  assertClassTeacher,
  createClass,
  ensureDemoClass,
  JOIN_FAILURE_LIMIT,
  joinClassByCode,
  leaveClass,
  listRoster,
  listStudentClasses,
  lookUpJoinCode,
  removeMember,
  rotateJoinCode,
  setClassArchived,
  setMemberTimeMultiplier,
  teachesStudent,
  TooManyJoinCodes,
} from "../../lib/data/classes";
import { createAssignment, listStudentAssignments } from "../../lib/data/assignments";
import { deckFactIds } from "../../lib/data/decks";
import { startAssignment } from "../../lib/data/assignment-start";
import { finishAttempt, finishExpiredAttempts, getAttemptForUser, listAttempts, openAttempt, recordAnswer } from "../../lib/data/quiz-attempts";
import { finishExpiredForAssignmentReport, loadAssignmentReport } from "../../lib/data/reports";
import { formatJoinCode, JOIN_CODE_ALPHABET } from "../../lib/classes/join-code";
import { assignmentSeeds, quizCapacity } from "../../lib/quiz/quiz-capacity";
import { Conflict, Invalid, NotFound } from "../../lib/errors";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { corpusInput, makeUser, seededDb } from "./helpers/seeded-db";

const NOW = new Date("2026-03-02T09:00:00Z");
const viewer = (u: { id: string; name: string; email: string; role: string }): Viewer => ({ ...u, role: u.role === "teacher" ? "teacher" : "student" });
const fieldErrorsOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(Invalid);
  return (e as Invalid).fieldErrors;
};

const quizForm = (over: Record<string, unknown> = {}) => ({
  kind: "quiz",
  deckId: "sept-2023",
  title: "",
  openAt: "2026-03-01T08:00",
  dueAt: "2026-03-09T23:59",
  questionCount: "5",
  types: ["multiple-choice", "true-false"],
  timeLimitMinutes: "20",
  attemptsAllowed: "1",
  feedback: "end",
  shuffle: "on",
  questionSet: "fixed",
  timeMultipliers: {},
  ...over,
});

describe.each(availableProviders())("classes on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  async function setup() {
    t = await seededDb(provider);
    const db: Db = t.db;
    const teacher = viewer(await makeUser(db, { role: "teacher", name: "Ms T" }));
    const other = viewer(await makeUser(db, { role: "teacher", name: "Mr O" }));
    const ani = viewer(await makeUser(db, { name: "Ani" }));
    const boris = viewer(await makeUser(db, { name: "Boris" }));
    const klass = await createClass(teacher, { name: "7B History", termStart: null, termEnd: null, timeZone: "America/Los_Angeles" }, db);
    return { db, teacher, other, ani, boris, klass };
  }

  it("creates a class with an 8-character unambiguous code; students join by code, twice harmlessly, and leave", async () => {
    const { db, teacher, ani, klass } = await setup();
    expect(klass.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`));
    expect(klass.joinCode).not.toMatch(/[01OIL]/);
    const typed = ` ${formatJoinCode(klass.joinCode).toLowerCase()} `;
    expect(await joinClassByCode(ani, typed, NOW, db)).toEqual({ classId: klass.id, className: "7B History", alreadyMember: false });
    expect(await joinClassByCode(ani, klass.joinCode, NOW, db)).toMatchObject({ alreadyMember: true });
    expect((await listRoster(klass.id, db)).map((r) => r.name)).toEqual(["Ani"]);
    expect(await teachesStudent(teacher.id, ani.id, db)).toBe(true);
    expect(await leaveClass(ani, klass.id, NOW, db)).toEqual({ left: true });
    expect(await leaveClass(ani, klass.id, NOW, db)).toEqual({ left: false });
    expect(await listRoster(klass.id, db)).toEqual([]);
    expect(await teachesStudent(teacher.id, ani.id, db)).toBe(false);
  });

  it("refuses wrong, rotated and expired codes with a clear message, and teachers joining as students", async () => {
    const { db, teacher, other, ani, boris, klass } = await setup();
    expect(await fieldErrorsOf(joinClassByCode(ani, "ABCD-EFG0", NOW, db))).toEqual({ joinCode: expect.stringContaining("never contain “0”") });
    expect(await fieldErrorsOf(joinClassByCode(ani, "ABC", NOW, db))).toEqual({ joinCode: "A join code has 8 characters; this one has 3." });
    const old = klass.joinCode;
    const fresh = await rotateJoinCode(klass.id, teacher, db);
    expect(fresh).not.toBe(old);
    expect((await fieldErrorsOf(joinClassByCode(ani, old, NOW, db))).joinCode).toMatch(/No class uses this code.*ask your teacher for the current code/);
    await joinClassByCode(ani, fresh, NOW, db);
    await expect(joinClassByCode(other, fresh, NOW, db)).rejects.toBeInstanceOf(Invalid);
    await expect(joinClassByCode(teacher, fresh, NOW, db)).rejects.toBeInstanceOf(Invalid);
    // Term over (in the class's zone) → expired.
    await db.classroom.update({ where: { id: klass.id }, data: { termEnd: "2026-03-01" } });
    // 2026-03-02T07:00Z is still 1 March in Los Angeles: the code works.
    await joinClassByCode(boris, fresh, new Date("2026-03-02T07:00:00Z"), db);
    await leaveClass(boris, klass.id, NOW, db);
    expect((await fieldErrorsOf(joinClassByCode(boris, fresh, new Date("2026-03-02T09:00:00Z"), db))).joinCode).toMatch(/expired/);
    await db.classroom.update({ where: { id: klass.id }, data: { termEnd: null } });
    await setClassArchived(klass.id, teacher, true, NOW, db);
    expect((await fieldErrorsOf(joinClassByCode(boris, fresh, NOW, db))).joinCode).toMatch(/expired/);
  });

  it("lets only the class's teacher see or change it, and keeps archived classes read-only", async () => {
    const { db, teacher, other, ani, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    await expect(assertClassTeacher(klass.id, other, db)).rejects.toBeInstanceOf(NotFound);
    await expect(assertClassTeacher(klass.id, ani, db)).rejects.toBeInstanceOf(NotFound);
    await expect(assertClassTeacher("no-such-class", teacher, db)).rejects.toBeInstanceOf(NotFound);
    await expect(removeMember(klass.id, ani.id, other, NOW, db)).rejects.toBeInstanceOf(NotFound);
    await expect(rotateJoinCode(klass.id, other, db)).rejects.toBeInstanceOf(NotFound);
    expect(await teachesStudent(other.id, ani.id, db)).toBe(false);
    await setMemberTimeMultiplier(klass.id, ani.id, 1.5, teacher, db);
    expect((await listRoster(klass.id, db))[0]?.timeMultiplier).toBe(1.5);
    await setClassArchived(klass.id, teacher, true, NOW, db);
    await expect(removeMember(klass.id, ani.id, teacher, NOW, db)).rejects.toBeInstanceOf(Conflict);
    await expect(rotateJoinCode(klass.id, teacher, db)).rejects.toBeInstanceOf(Conflict);
    await expect(createAssignment(teacher, klass.id, quizForm(), {}, db)).rejects.toBeInstanceOf(Conflict);
    expect(await listRoster(klass.id, db)).toHaveLength(1);
    await setClassArchived(klass.id, teacher, false, NOW, db);
    await removeMember(klass.id, ani.id, teacher, NOW, db);
    expect(await listRoster(klass.id, db)).toHaveLength(0);
    // Removing someone not (or no longer) on the roster says so.
    await expect(removeMember(klass.id, ani.id, teacher, NOW, db)).rejects.toThrow("That student is not in this class.");
  });

  it("answers invalid assignment input with field errors and saves nothing", async () => {
    const { db, teacher, ani, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    const errors = async (over: Record<string, unknown>) => fieldErrorsOf(createAssignment(teacher, klass.id, quizForm(over), {}, db));
    expect(await errors({ openAt: "2026-03-05T10:00", dueAt: "2026-03-05T09:00" })).toEqual({ dueAt: "Due date must be after the open date" });
    expect(await errors({ questionCount: "0" })).toEqual({ questionCount: "The number of questions must be a whole number from 1 to 50." });
    expect(await errors({ questionCount: "5000" })).toEqual({ questionCount: "The number of questions must be a whole number from 1 to 50." });
    expect(await errors({ timeMultipliers: { [ani.id]: "3" } })).toEqual({ [`timeMultipliers.${ani.id}`]: "Choose normal time (1×), 1.5×, 2× or untimed." });
    expect(await errors({ timeMultipliers: { "not-in-class": "2" } })).toEqual({ "timeMultipliers.not-in-class": "That student is not in this class." });
    expect(await errors({ types: [] })).toEqual({ types: "Choose at least one question type." });
    expect(await db.assignment.count()).toBe(0);
  });

  it("marks late across a time-zone boundary: due 23:59 in Los Angeles is 06:59 UTC the next day", async () => {
    const { db, teacher, ani, boris, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    await joinClassByCode(boris, klass.joinCode, NOW, db);
    // 8 March 2026 is the day US clocks go forward: 23:59 PDT = 06:59 UTC on 9 March.
    const a = await createAssignment(teacher, klass.id, quizForm({ dueAt: "2026-03-08T23:59" }), {}, db);
    expect(a.dueAt.toISOString()).toBe("2026-03-09T06:59:00.000Z");
    expect(a.title).toBe("September 2023");
    const finish = async (userId: string, at: string) =>
      db.quizAttempt.create({
        data: { id: `${userId}-1`, userId, deckId: a.deckId, assignmentId: a.id, seed: "x", settingsJson: "{}", snapshotJson: '{"questions":[]}', questionCount: 0, startedAt: new Date(new Date(at).getTime() - 60_000), finishedAt: new Date(at), score: 0, maxScore: 1 },
      });
    await finish(ani.id, "2026-03-09T06:30:00Z"); // 23:30 on 8 March in LA: on time, though 9 March in UTC
    await finish(boris.id, "2026-03-09T07:10:00Z"); // 00:10 on 9 March in LA: late
    const rows = (await loadAssignmentReport(teacher, a.id, new Date("2026-03-10T00:00:00Z"), db)).rows;
    expect(rows.map((r) => [r.name, r.status, r.late])).toEqual([
      ["Ani", "done", false],
      ["Boris", "done", true],
    ]);
    const mine = await listStudentAssignments(boris.id, new Date("2026-03-10T00:00:00Z"), db);
    expect(mine.map((m) => [m.title, m.status.status, m.status.late])).toEqual([["September 2023", "done", true]]);
  });

  it("starts quiz assignments with the student's extra time, resumes open attempts and enforces attempts allowed", async () => {
    const { db, teacher, ani, boris, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    await joinClassByCode(boris, klass.joinCode, NOW, db);
    await setMemberTimeMultiplier(klass.id, ani.id, 1.5, teacher, db);
    const a = await createAssignment(teacher, klass.id, quizForm({ timeMultipliers: { [boris.id]: "untimed" } }), {}, db);
    const { corpus } = corpusInput();
    const before = await listStudentAssignments(ani.id, NOW, db);
    expect(before.map((x) => x.status.status)).toEqual(["not-started"]);
    const first = await startAssignment(ani, a.id, NOW, corpus, db);
    expect(first.href).toMatch(/^\/quiz\//);
    const attempt = await db.quizAttempt.findFirstOrThrow({ where: { userId: ani.id }, select: { id: true, deadlineAt: true, questionCount: true, assignmentId: true, snapshotJson: true } });
    expect(attempt.assignmentId).toBe(a.id);
    expect(attempt.questionCount).toBe(5);
    expect(attempt.deadlineAt?.toISOString()).toBe(new Date(NOW.getTime() + 30 * 60_000).toISOString()); // 20 min × 1.5
    expect(await startAssignment(ani, a.id, NOW, corpus, db)).toEqual(first); // resumed, not a second attempt
    await startAssignment(boris, a.id, NOW, corpus, db);
    const b = await db.quizAttempt.findFirstOrThrow({ where: { userId: boris.id }, select: { deadlineAt: true, snapshotJson: true } });
    expect(b.deadlineAt).toBeNull(); // untimed
    // One fixed set for the class (shuffled per student): the same questions.
    const ids = (json: string) => (JSON.parse(json) as { questions: { id: string }[] }).questions.map((q) => q.id).sort();
    expect(ids(b.snapshotJson)).toEqual(ids(attempt.snapshotJson));
    await db.quizAttempt.update({ where: { id: attempt.id }, data: { finishedAt: NOW, score: 3 } });
    await expect(startAssignment(ani, a.id, NOW, corpus, db)).rejects.toBeInstanceOf(Conflict);
    const after = await listStudentAssignments(ani.id, NOW, db);
    expect(after[0]).toMatchObject({ attemptsUsed: 1, attemptsAllowed: 1, bestScore: 0.6 });
    expect(after[0]!.status.status).toBe("done");
    // Not in the class: not found; not open yet: refused.
    const outsider = viewer(await makeUser(db));
    await expect(startAssignment(outsider, a.id, NOW, corpus, db)).rejects.toBeInstanceOf(NotFound);
    const later = await createAssignment(teacher, klass.id, quizForm({ openAt: "2026-04-01T08:00", dueAt: "2026-04-02T08:00", questionSet: "per-student" }), {}, db);
    await expect(startAssignment(ani, later.id, NOW, corpus, db)).rejects.toBeInstanceOf(Conflict);
  });

  it("draws each student's own questions for per-student sets, and sends review assignments to the deck", async () => {
    // 6 questions: how many fit depends a little on the seed (students' ids are random here); over 1,000 seeds
    // this deck held 7–16 of these types, so 8 failed now and then.
    const { db, teacher, ani, boris, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    await joinClassByCode(boris, klass.joinCode, NOW, db);
    const { corpus } = corpusInput();
    const a = await createAssignment(teacher, klass.id, quizForm({ questionSet: "per-student", questionCount: "6", types: ["multiple-choice", "true-false", "typed-date", "short-answer", "cloze"] }), {}, db);
    await startAssignment(ani, a.id, NOW, corpus, db);
    await startAssignment(boris, a.id, NOW, corpus, db);
    const snaps = await db.quizAttempt.findMany({ where: { assignmentId: a.id }, select: { seed: true, snapshotJson: true } });
    expect(new Set(snaps.map((s) => s.seed)).size).toBe(2);
    expect(snaps[0]!.snapshotJson).not.toBe(snaps[1]!.snapshotJson);
    const r = await createAssignment(teacher, klass.id, { kind: "review", deckId: "war-2020", title: " Read up ", openAt: "2026-03-01T08:00", dueAt: "2026-03-20T08:00" }, {}, db);
    expect(r.settingsJson).toBe("{}");
    expect(await startAssignment(ani, r.id, NOW, corpus, db)).toEqual({ href: "/review/war-2020" });
    const list = await listStudentAssignments(ani.id, NOW, db);
    expect(list.map((x) => x.title)).toEqual(["September 2023", "Read up"]);
  });

  it("keeps a leaver's row: rejoining brings back the extra time; teachers see only current members", async () => {
    const { db, teacher, ani, boris, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    await joinClassByCode(boris, klass.joinCode, NOW, db);
    await setMemberTimeMultiplier(klass.id, ani.id, 2, teacher, db);
    await setMemberTimeMultiplier(klass.id, boris.id, "untimed", teacher, db);
    const later = new Date(NOW.getTime() + 3_600_000);
    expect(await leaveClass(ani, klass.id, later, db)).toEqual({ left: true });
    await removeMember(klass.id, boris.id, teacher, later, db);
    expect(await listRoster(klass.id, db)).toEqual([]);
    expect(await listStudentClasses(ani.id, db)).toEqual([]);
    expect(await teachesStudent(teacher.id, ani.id, db)).toBe(false);
    // Gone from the roster: the teacher can no longer set their time, and a quiz cannot single them out.
    await expect(setMemberTimeMultiplier(klass.id, ani.id, 1, teacher, db)).rejects.toThrow("That student is not in this class.");
    expect(await fieldErrorsOf(createAssignment(teacher, klass.id, quizForm({ timeMultipliers: { [ani.id]: "2" } }), {}, db))).toEqual({
      [`timeMultipliers.${ani.id}`]: "That student is not in this class.",
    });
    const rows = await db.classMember.findMany({ where: { classId: klass.id }, orderBy: { userId: "asc" }, select: { userId: true, leftAt: true, timeMultiplier: true } });
    expect(rows.map((r) => [r.leftAt?.toISOString(), r.timeMultiplier]).sort()).toEqual([
      [later.toISOString(), "2"],
      [later.toISOString(), "untimed"],
    ]);

    const back = new Date(NOW.getTime() + 7_200_000);
    expect(await joinClassByCode(ani, klass.joinCode, back, db)).toEqual({ classId: klass.id, className: "7B History", alreadyMember: false });
    expect(await joinClassByCode(boris, klass.joinCode, back, db)).toMatchObject({ alreadyMember: false });
    expect((await listRoster(klass.id, db)).map((r) => [r.name, r.timeMultiplier, r.joinedAt.toISOString()])).toEqual([
      ["Ani", 2, back.toISOString()],
      ["Boris", "untimed", back.toISOString()],
    ]);
    expect(await joinClassByCode(ani, klass.joinCode, back, db)).toMatchObject({ alreadyMember: true });
  });

  it("limits wrong join codes per student: 10 in 10 minutes, then every code is refused until the window passes", async () => {
    const { db, ani, boris, klass } = await setup();
    const wrong = klass.joinCode === "ABCDEFGH" ? "ABCDEFGJ" : "ABCDEFGH";
    // A malformed code is a typing mistake, never looked up: it does not count.
    for (let i = 0; i < 12; i++) await expect(joinClassByCode(ani, "ABCD-EFG0", NOW, db)).rejects.toBeInstanceOf(Invalid);
    const tick = (s: number) => new Date(NOW.getTime() + s * 1000);
    for (let i = 0; i < JOIN_FAILURE_LIMIT.max; i++) {
      expect((await fieldErrorsOf(joinClassByCode(ani, wrong, tick(i), db))).joinCode).toMatch(/No class uses this code/);
    }
    // The 11th try, even with the right code, is refused; the link page (lookUpJoinCode) too.
    const locked = await joinClassByCode(ani, klass.joinCode, tick(60), db).then(() => null, (e: unknown) => e);
    expect(locked).toBeInstanceOf(TooManyJoinCodes);
    expect((locked as Error).message).toBe("Too many wrong codes. Try again in 10 min."); // last failure at +9 s: 549 s left → 10 min
    expect((locked as TooManyJoinCodes).status).toBe(429);
    await expect(lookUpJoinCode(ani, klass.joinCode, tick(60 + 5 * 60), db)).rejects.toThrow("Too many wrong codes. Try again in 5 min.");
    expect(await listRoster(klass.id, db)).toEqual([]);
    // Another student is not affected; stored in the database, so every app server shares it.
    await joinClassByCode(boris, klass.joinCode, tick(60), db);
    expect(await db.rateLimit.findUnique({ where: { key: `join-code:${ani.id}` }, select: { count: true } })).toEqual({ count: 10 });
    // Ten minutes after the last wrong code: open again.
    expect(await joinClassByCode(ani, klass.joinCode, tick(9 + 600), db)).toMatchObject({ alreadyMember: false });
  });

  it("refuses leaving, answering and finishing in an archived class, with a clear message", async () => {
    const { db, teacher, ani, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    const { corpus } = corpusInput();
    const a = await createAssignment(teacher, klass.id, quizForm({ timeLimitMinutes: "", questionCount: "3" }), {}, db);
    const { href } = await startAssignment(ani, a.id, NOW, corpus, db);
    const attemptId = href.split("/").pop()!;
    const [q0] = (await getAttemptForUser(attemptId, ani.id, db)).snapshot.questions;
    const first = await recordAnswer({ attemptId, userId: ani.id, questionId: q0!.id, response: q0!.answer, now: NOW }, db);
    await setClassArchived(klass.id, teacher, true, NOW, db);

    await expect(leaveClass(ani, klass.id, NOW, db)).rejects.toThrow("This class is archived.");
    expect(await listRoster(klass.id, db)).toHaveLength(1);
    const [, q1] = (await getAttemptForUser(attemptId, ani.id, db)).snapshot.questions;
    const answering = await recordAnswer({ attemptId, userId: ani.id, questionId: q1!.id, response: q1!.answer, now: NOW }, db).then(() => null, (e: unknown) => e);
    expect(answering).toBeInstanceOf(Conflict);
    expect((answering as Error).message).toMatch(/^This class is archived\./);
    await expect(finishAttempt({ attemptId, userId: ani.id, now: NOW }, db)).rejects.toThrow("This class is archived.");
    // The answer given before the archive can still be fetched again (same reply), and nothing was written.
    expect(await recordAnswer({ attemptId, userId: ani.id, questionId: q0!.id, response: q0!.answer, now: NOW }, db)).toEqual({ ...first, replayed: true });
    const view = await getAttemptForUser(attemptId, ani.id, db);
    expect(view).toMatchObject({ finishedAt: null, classArchived: true });
    expect(view.answers).toHaveLength(1);

    await setClassArchived(klass.id, teacher, false, NOW, db);
    await recordAnswer({ attemptId, userId: ani.id, questionId: q1!.id, response: q1!.answer, now: NOW }, db);
    expect(await leaveClass(ani, klass.id, NOW, db)).toEqual({ left: true });
  });

  it("refuses a quiz asking for more questions than the deck holds of the chosen types, and saves nothing", async () => {
    const { db, teacher, ani, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    const { corpus } = corpusInput();
    const factIds = await deckFactIds("sept-2023", corpus, db);
    const perStudent = (await fieldErrorsOf(createAssignment(teacher, klass.id, quizForm({ questionCount: "50", types: ["true-false"], questionSet: "per-student" }), { corpus }, db))).questionCount;
    const fixed = (await fieldErrorsOf(createAssignment(teacher, klass.id, quizForm({ questionCount: "50", types: "true-false" }), { corpus }, db))).questionCount;
    const n = Number(/^At most (\d+) questions? of these types in this deck/.exec(fixed ?? "")?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(50);
    // No seed can draw more true/false questions than the deck has facts.
    expect(n).toBeLessThanOrEqual(factIds.length);
    expect(fixed).toBe(`At most ${n} question${n === 1 ? "" : "s"} of these types in this deck. Ask for ${n} or fewer, or tick more types.`);
    expect(perStudent).toMatch(/^At most \d+ questions? of these types in this deck \(for every student's own set\)\. Ask for/);
    expect(await db.assignment.count()).toBe(0);

    // Exactly N (fixed set) is accepted, and the attempt holds every one of them.
    const a = await createAssignment(teacher, klass.id, quizForm({ questionCount: String(n), types: ["true-false"], shuffle: "" }), { corpus }, db);
    expect(quizCapacity(corpus, { factIds, types: ["true-false"], seeds: assignmentSeeds({ seed: a.seed, questionSet: "fixed", studentIds: [], probes: 0 }) })).toBe(n);
    await startAssignment(ani, a.id, NOW, corpus, db);
    expect((await db.quizAttempt.findFirstOrThrow({ where: { assignmentId: a.id }, select: { questionCount: true } })).questionCount).toBe(n);
  });

  it("finishes a timed attempt that ran out at its deadline, when it is next read, and reports it done with its score", async () => {
    const { db, teacher, ani, boris, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    await joinClassByCode(boris, klass.joinCode, NOW, db);
    const { corpus } = corpusInput();
    const a = await createAssignment(teacher, klass.id, quizForm({ questionCount: "3", timeLimitMinutes: "10", attemptsAllowed: "2" }), { corpus }, db);
    const deadline = new Date(NOW.getTime() + 10 * 60_000);
    const attemptOf = async (who: Viewer) => (await startAssignment(who, a.id, NOW, corpus, db)).href.split("/").pop()!;
    const aniAttempt = await attemptOf(ani);
    const borisAttempt = await attemptOf(boris);
    const q = (await getAttemptForUser(aniAttempt, ani.id, db)).snapshot.questions;
    await recordAnswer({ attemptId: aniAttempt, userId: ani.id, questionId: q[0]!.id, response: q[0]!.answer, now: new Date(NOW.getTime() + 60_000) }, db);
    await recordAnswer({ attemptId: aniAttempt, userId: ani.id, questionId: q[1]!.id, response: q[1]!.answer, now: new Date(NOW.getTime() + 120_000) }, db);
    // At the deadline itself the attempt is still open.
    expect((await listStudentAssignments(ani.id, deadline, db))[0]).toMatchObject({ openAttemptId: aniAttempt, status: { status: "in-progress" } });
    // After it: too late to answer; the step before the next read finishes it at the deadline with the two answers scored.
    const after = new Date(deadline.getTime() + 5 * 60_000);
    await expect(recordAnswer({ attemptId: aniAttempt, userId: ani.id, questionId: q[2]!.id, response: q[2]!.answer, now: after }, db)).rejects.toThrow(/Time is up/);
    await finishExpiredAttempts({ userId: ani.id }, after, db);
    const mine = await listStudentAssignments(ani.id, after, db);
    expect(mine[0]).toMatchObject({ openAttemptId: null, attemptsUsed: 1, bestScore: 2 / 3, status: { status: "done", late: false, completedAt: deadline } });
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: aniAttempt }, select: { finishedAt: true, score: true } });
    expect(row).toEqual({ finishedAt: deadline, score: 2 });
    // Boris never opened his again: the step before the teacher's report finishes it (nothing answered: 0), and both are done.
    await finishExpiredForAssignmentReport(teacher, a.id, after, db);
    const report = await loadAssignmentReport(teacher, a.id, after, db);
    expect(report.rows.map((r) => [r.name, r.status, r.score, r.completedAt?.toISOString()])).toEqual([
      ["Ani", "done", 2 / 3, deadline.toISOString()],
      ["Boris", "done", 0, deadline.toISOString()],
    ]);
    expect(report.itemStudents).toBe(2);
    // Finishing again changes nothing; opening shows the finished attempt; a new start is a new attempt, not a resume.
    expect(await finishAttempt({ attemptId: aniAttempt, userId: ani.id, now: after }, db)).toMatchObject({ alreadyFinished: true, finishedAt: deadline });
    expect((await openAttempt(borisAttempt, boris.id, after, db)).finishedAt).toEqual(deadline);
    const retake = (await startAssignment(ani, a.id, after, corpus, db)).href.split("/").pop()!;
    expect(retake).not.toBe(aniAttempt);
    expect((await listAttempts(ani.id, db)).map((t) => t.finishedAt?.toISOString() ?? null)).toEqual([null, deadline.toISOString()]);
  });

  it("finishes a timed attempt at the deadline when the student opens it or presses finish late", async () => {
    const { db, teacher, ani, klass } = await setup();
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    const { corpus } = corpusInput();
    const a = await createAssignment(teacher, klass.id, quizForm({ questionCount: "3", timeLimitMinutes: "5", attemptsAllowed: "2" }), { corpus }, db);
    const deadline = new Date(NOW.getTime() + 5 * 60_000);
    const first = (await startAssignment(ani, a.id, NOW, corpus, db)).href.split("/").pop()!;
    const view = await openAttempt(first, ani.id, new Date(deadline.getTime() + 1), db);
    expect(view).toMatchObject({ finishedAt: deadline, score: 0 });
    const second = (await startAssignment(ani, a.id, new Date(NOW.getTime() + 3_600_000), corpus, db)).href.split("/").pop()!;
    expect(second).not.toBe(first);
    const late = await finishAttempt({ attemptId: second, userId: ani.id, now: new Date(NOW.getTime() + 7_200_000) }, db);
    expect(late).toMatchObject({ alreadyFinished: false, finishedAt: new Date(NOW.getTime() + 3_600_000 + 5 * 60_000) });
  });

  it("makes the demo class once, with the demo students", async () => {
    t = await seededDb(provider);
    const db = t.db;
    await db.user.create({ data: { id: "t", name: "Demo Teacher", email: "teacher@factdeck.test", role: "teacher" } });
    await db.user.create({ data: { id: "s", name: "Ani", email: "ani@factdeck.test" } });
    const input = { teacherEmail: "teacher@factdeck.test", studentEmails: ["ani@factdeck.test", "boris@factdeck.test"], now: NOW };
    expect(await ensureDemoClass(input, db)).toEqual({ created: true, added: 1 });
    expect(await ensureDemoClass(input, db)).toEqual({ created: false, added: 0 });
    expect(await db.assignment.count({ where: { classId: "demo-class" } })).toBe(1);
  });
});
