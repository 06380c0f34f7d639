/**
 * Running an assignment on a real database (both providers): a due date in
 * the past refused unless confirmed, edits that keep answers given (and the
 * refusals, with nothing saved), one student's extension honoured by the
 * student's list, the report and the teacher's "needs attention", a preview
 * that records nothing, and a join link looked at before sign-in.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import type { Viewer } from "../../lib/auth/roles";
import { createClass, JOIN_FAILURE_LIMIT, joinClassByCode, peekJoinCode, TooManyJoinCodes } from "../../lib/data/classes";
import { clearExtension, createAssignment, listExtensions, listStudentAssignments, setExtension, updateAssignment } from "../../lib/data/assignments";
import { previewAssignment, PREVIEW_STAND_IN } from "../../lib/data/assignment-preview";
import { startAssignment } from "../../lib/data/assignment-start";
import { loadAssignmentReport, loadTeacherAttention } from "../../lib/data/reports";
import { PAST_DUE_MESSAGE } from "../../lib/classes/assignment-form";
import { Invalid, NotFound } from "../../lib/errors";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { corpusInput, makeUser, seededDb } from "./helpers/seeded-db";

const NOW = new Date("2026-03-02T09:00:00Z"); // 01:00 in Los Angeles
const viewer = (u: { id: string; name: string; email: string; role: string }): Viewer => ({ ...u, role: u.role === "teacher" ? "teacher" : "student" });
const fieldErrorsOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(Invalid);
  return (e as Invalid).fieldErrors;
};
const quizForm = (over: Record<string, unknown> = {}) => ({
  kind: "quiz",
  deckId: "sept-2023",
  title: "Quiz one",
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

describe.each(availableProviders())("running assignments on %s", (provider) => {
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
    await joinClassByCode(ani, klass.joinCode, NOW, db);
    await joinClassByCode(boris, klass.joinCode, NOW, db);
    return { db, teacher, other, ani, boris, klass };
  }

  it("refuses a due date in the past unless confirmed, saving nothing", async () => {
    const { db, teacher, klass } = await setup();
    const past = quizForm({ dueAt: "2026-03-01T23:59" }); // 2026-03-02T07:59Z, before NOW
    expect(await fieldErrorsOf(createAssignment(teacher, klass.id, past, { now: NOW }, db))).toEqual({ dueAt: PAST_DUE_MESSAGE });
    expect(await db.assignment.count()).toBe(0);
    const saved = await createAssignment(teacher, klass.id, { ...past, confirmPastDue: "on" }, { now: NOW }, db);
    expect(saved.dueAt.toISOString()).toBe("2026-03-02T07:59:00.000Z");
  });

  it("edits title, dates and settings while nobody has started; once started keeps the questions and the answers given", async () => {
    const { db, teacher, other, ani, klass } = await setup();
    const { corpus } = corpusInput();
    const a = await createAssignment(teacher, klass.id, quizForm(), { corpus, now: NOW }, db);
    const edited = await updateAssignment(teacher, a.id, quizForm({ title: "Renamed", questionCount: "4", attemptsAllowed: "2", dueAt: "2026-03-12T23:59" }), NOW, { corpus }, db);
    expect(edited).toMatchObject({ title: "Renamed", seed: a.seed, dueAt: new Date("2026-03-13T06:59:00Z") });
    expect(JSON.parse(edited.settingsJson)).toMatchObject({ questionCount: 4, attemptsAllowed: 2 });
    expect(await db.classAuditEntry.count({ where: { action: "edit-assignment" } })).toBe(1);

    // Ani starts and answers one question.
    await startAssignment(ani, a.id, NOW, corpus, db);
    const attempt = await db.quizAttempt.findFirstOrThrow({ where: { userId: ani.id }, select: { id: true, snapshotJson: true } });
    await db.quizAnswer.create({ data: { attemptId: attempt.id, questionId: "q", position: 0, responseJson: "\"x\"", correct: false, partial: 0, answeredAt: NOW } });

    const started = quizForm({ title: "Renamed", questionCount: "4", attemptsAllowed: "2", dueAt: "2026-03-12T23:59" });
    const refused = await fieldErrorsOf(updateAssignment(teacher, a.id, { ...started, questionCount: "3", types: ["multiple-choice"], attemptsAllowed: "0" }, NOW, { corpus }, db));
    expect(Object.keys(refused).sort()).toEqual(["attemptsAllowed"]); // the form's own range check comes first
    const reasons = await fieldErrorsOf(updateAssignment(teacher, a.id, { ...started, questionCount: "3", types: ["multiple-choice"], deckId: "war-2020", openAt: "2026-03-03T08:00" }, NOW, { corpus }, db));
    expect(Object.keys(reasons).sort()).toEqual(["deckId", "openAt", "questionCount", "types"]);
    expect(reasons.questionCount).toMatch(/1 student has started this quiz; their answers are to the current questions/);
    expect((await db.assignment.findUniqueOrThrow({ where: { id: a.id } })).settingsJson).toBe(edited.settingsJson); // nothing saved

    // Allowed after a start: title, due date (the stored past one kept), time limit, feedback — answers untouched.
    const later = new Date("2026-03-20T00:00:00Z");
    const ok = await updateAssignment(teacher, a.id, { ...started, title: "Final", timeLimitMinutes: "", feedback: "immediate", dueAt: "2026-03-12T23:59" }, later, { corpus }, db);
    expect(ok.title).toBe("Final");
    expect(JSON.parse(ok.settingsJson)).toMatchObject({ timeLimitMinutes: null, feedback: "immediate", questionCount: 4 });
    expect(await db.quizAnswer.count({ where: { attemptId: attempt.id } })).toBe(1);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { snapshotJson: true } })).snapshotJson).toBe(attempt.snapshotJson);
    // A new due date that has passed still needs the confirmation.
    expect(await fieldErrorsOf(updateAssignment(teacher, a.id, { ...started, dueAt: "2026-03-15T23:59" }, later, { corpus }, db))).toEqual({ dueAt: PAST_DUE_MESSAGE });
    // Another teacher: not found; the kind never changes.
    await expect(updateAssignment(other, a.id, started, NOW, { corpus }, db)).rejects.toBeInstanceOf(NotFound);
    expect(Object.keys(await fieldErrorsOf(updateAssignment(teacher, a.id, { ...started, kind: "review" }, NOW, { corpus }, db)))).toEqual(["kind"]);
  });

  it("an extension for one student moves their due date in their list, the report and needs-attention", async () => {
    const { db, teacher, other, ani, boris, klass } = await setup();
    const a = await createAssignment(teacher, klass.id, { kind: "review", deckId: "sept-2023", title: "Read", openAt: "2026-03-01T08:00", dueAt: "2026-03-09T23:59" }, { now: NOW }, db);
    expect(await fieldErrorsOf(setExtension(teacher, a.id, ani.id, "2026-03-09T23:59", db))).toEqual({ dueAt: "An extension must be later than the assignment's due date." });
    expect(await fieldErrorsOf(setExtension(teacher, a.id, other.id, "2026-03-12T23:59", db))).toEqual({ studentId: "That student is not in this class." });
    await expect(setExtension(other, a.id, ani.id, "2026-03-12T23:59", db)).rejects.toBeInstanceOf(NotFound);
    const ext = await setExtension(teacher, a.id, ani.id, "2026-03-12T23:59", db);
    expect(ext.dueAt.toISOString()).toBe("2026-03-13T06:59:00.000Z");
    expect(await listExtensions(a.id, db)).toEqual([{ studentId: ani.id, name: "Ani", dueAt: ext.dueAt }]);

    const after = new Date("2026-03-11T12:00:00Z"); // past the class's date, before Ani's
    const aniList = await listStudentAssignments(ani.id, after, db);
    expect(aniList.map((x) => [x.dueAt.toISOString(), x.extended, x.status.status])).toEqual([["2026-03-13T06:59:00.000Z", true, "not-started"]]);
    const borisList = await listStudentAssignments(boris.id, after, db);
    expect(borisList.map((x) => [x.extended, x.status.status])).toEqual([[false, "late"]]);
    const report = await loadAssignmentReport(teacher, a.id, after, db);
    expect(report.rows.map((r) => [r.name, r.status, r.late])).toEqual([
      ["Ani", "not-started", false],
      ["Boris", "late", true],
    ]);
    const attention = await loadTeacherAttention(teacher, after, db);
    expect(attention.filter((x) => x.kind === "late").map((x) => (x.kind === "late" ? x.students : []))).toEqual([["Boris"]]);

    // Setting again replaces; removing gives the class's date back.
    await setExtension(teacher, a.id, ani.id, "2026-03-10T23:59", db);
    expect(await db.assignmentExtension.count()).toBe(1);
    expect(await clearExtension(teacher, a.id, ani.id, db)).toEqual({ cleared: true });
    expect(await clearExtension(teacher, a.id, ani.id, db)).toEqual({ cleared: false });
    expect((await listStudentAssignments(ani.id, after, db))[0]!.status.status).toBe("late");
    expect(await db.classAuditEntry.count({ where: { action: "extend-assignment" } })).toBe(2);
  });

  it("previews a quiz exactly as a student's attempt starts, recording nothing", async () => {
    const { db, teacher, other, ani, klass } = await setup();
    const { corpus } = corpusInput();
    const a = await createAssignment(teacher, klass.id, quizForm({ questionSet: "per-student" }), { corpus, now: NOW }, db);
    const asAni = await previewAssignment(teacher, a.id, ani.id, corpus, db);
    const later = await previewAssignment(teacher, a.id, null, corpus, db);
    expect(asAni.questions).toHaveLength(5);
    expect(later.studentId).toBeNull();
    expect(PREVIEW_STAND_IN).toBe("preview");
    expect(await db.quizAttempt.count()).toBe(0);
    await startAssignment(ani, a.id, NOW, corpus, db);
    const snap = JSON.parse((await db.quizAttempt.findFirstOrThrow({ where: { userId: ani.id }, select: { snapshotJson: true } })).snapshotJson) as { questions: { id: string }[] };
    expect(snap.questions.map((q) => q.id)).toEqual(asAni.questions.map((q) => q.id));
    await expect(previewAssignment(other, a.id, null, corpus, db)).rejects.toBeInstanceOf(NotFound);
    expect(await fieldErrorsOf(previewAssignment(teacher, a.id, other.id, corpus, db))).toEqual({ student: "That student is not in this class." });
  });

  it("shows a join link's class before sign-in, with wrong codes limited per address", async () => {
    const { db, klass } = await setup();
    expect(await peekJoinCode("203.0.113.7", klass.joinCode.toLowerCase(), NOW, db)).toMatchObject({ id: klass.id, name: "7B History", teacherName: "Ms T" });
    for (let i = 0; i < JOIN_FAILURE_LIMIT.max; i++) await expect(peekJoinCode("203.0.113.7", "ZZZZ2222", NOW, db)).rejects.toBeInstanceOf(Invalid);
    await expect(peekJoinCode("203.0.113.7", klass.joinCode, NOW, db)).rejects.toBeInstanceOf(TooManyJoinCodes);
    expect((await peekJoinCode("203.0.113.8", klass.joinCode, NOW, db)).id).toBe(klass.id);
  });
});
