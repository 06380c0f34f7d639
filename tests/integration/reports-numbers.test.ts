/**
 * Report numbers on a real database against a hand-computed fixture:
 * item analysis (facility, discrimination top vs bottom 27 %), per-student
 * rows, what the class knows per fact, and the CSV exports' escaping.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import type { Viewer } from "../../lib/auth/roles";
import { classFactReport, loadAssignmentReport, loadTeacherAttention, studentEmails } from "../../lib/data/reports";
import { cardStatesOf, quizAnswersOf, reviewLogsOf } from "../../lib/data/report-reads";
import { formatIndex } from "../../lib/reports/format-index";
import { factItemReportCsv, itemReportCsv, studentReportCsv } from "../../lib/reports/report-csv";
import { NotFound } from "../../lib/errors";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const OPEN = new Date("2026-03-02T08:00:00Z");
const DUE = new Date("2026-03-06T17:00:00Z");
const NOW = new Date("2026-03-09T12:00:00Z");
const min = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/**
 * Eleven students' first finished attempts on three questions (c is a
 * timeline: half credit possible). Totals: s02 2.5; s01 s03 s04 s09 2;
 * s05 s06 s10 1.5; s07 s08 1; s11 0. Ranked (ties by id): s02 s01 s03 s04
 * s09 s05 s06 s10 s07 s08 s11. n = round(0.27 × 11) = round(2.97) = 3:
 * upper = s02 s01 s03, lower = s07 s08 s11.
 *
 * q-a: F = 7/11 = 0.636… → 0.64; D = (3 − 1)/3 = 0.666… → 0.67.
 * q-b: F = 6/11 = 0.545… → 0.55; D = (1 − 1)/3 = 0 → 0.00 → flagged (N ≥ 10, D < 0.2).
 * q-c: F = 4/11 = 0.363… → 0.36; D = (2.5 − 0)/3 = 0.833… → 0.83.
 *
 * By fact (f0 is asked by q-a and q-c, f1 by q-b, f2 by q-c; a student's
 * score on a fact is the mean of their scores on its questions):
 * f0 per student = (a + c)/2: s01 1, s02 .75, s03 1, s04 .5, s05 .75, s06 .25,
 *   s07 .5, s08 0, s09 .5, s10 .25, s11 0 → Σ 5.5, F = 5.5/11 = 0.50;
 *   upper s02 s01 s03 = 2.75, lower s07 s08 s11 = 0.5 → D = 2.25/3 = 0.75.
 * f1 = q-b: F 0.55, D 0.00 (flagged); f2 = q-c: F 0.36, D 0.83.
 */
const SCORES: Record<string, [number, number, number]> = {
  s01: [1, 0, 1],
  s02: [1, 1, 0.5],
  s03: [1, 0, 1],
  s04: [1, 1, 0],
  s05: [1, 0, 0.5],
  s06: [0, 1, 0.5],
  s07: [1, 0, 0],
  s08: [0, 1, 0],
  s09: [1, 1, 0],
  s10: [0, 1, 0.5],
  s11: [0, 0, 0],
};

function snapshot(factIds: string[]) {
  return JSON.stringify({
    seed: "fixed",
    settings: { count: 3, types: null, feedback: "end" },
    questions: [
      { id: "q-a", type: "multiple-choice", prompt: "When did the call take place?", factIds: [factIds[0]] },
      { id: "q-b", type: "true-false", prompt: "=cmd|' /C calc'!A0", factIds: [factIds[1]] },
      { id: "q-c", type: "timeline", prompt: "Put these in order", factIds: [factIds[0], factIds[2]] },
    ],
  });
}

async function attempt(db: Db, input: { userId: string; assignmentId: string; deckId: string; startedAt: Date; finishedAt: Date | null; scores: number[]; snapshotJson: string }) {
  const id = randomUUID();
  const total = input.scores.reduce((s, x) => s + x, 0);
  await db.quizAttempt.create({
    data: {
      id,
      userId: input.userId,
      deckId: input.deckId,
      assignmentId: input.assignmentId,
      seed: "fixed",
      settingsJson: "{}",
      snapshotJson: input.snapshotJson,
      questionCount: 3,
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      score: input.finishedAt ? total : null,
      maxScore: 3,
    },
  });
  const ids = ["q-a", "q-b", "q-c"];
  for (let i = 0; i < input.scores.length; i++) {
    const s = input.scores[i]!;
    await db.quizAnswer.create({
      data: { attemptId: id, questionId: ids[i]!, position: i, responseJson: "null", correct: s === 1, partial: s, answeredAt: min(input.startedAt, i + 1) },
    });
  }
  return id;
}

describe.each(availableProviders())("class reports on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  async function fixture() {
    t = await seededDb(provider);
    const db = t.db;
    const teacherRow = await makeUser(db, { role: "teacher", name: "Ms Teacher" });
    const teacher: Viewer = { ...teacherRow, role: "teacher" };
    await db.classroom.create({ data: { id: "c1", teacherId: teacher.id, name: "7B", timeZone: "Europe/London", joinCode: "ABCD2345" } });
    const deckId = "sept-2023";
    const facts = await db.card.findMany({ where: { decks: { some: { deckId } } }, select: { factId: true }, distinct: ["factId"], orderBy: { factId: "asc" }, take: 3 });
    const factIds = facts.map((f) => f.factId);
    const snap = snapshot(factIds);
    await db.assignment.create({
      data: { id: "a1", classId: "c1", deckId, kind: "quiz", title: "Quiz 1", openAt: OPEN, dueAt: DUE, seed: "fixed", settingsJson: JSON.stringify({ questionCount: 3, types: ["multiple-choice"], timeLimitMinutes: null, attemptsAllowed: 2, feedback: "end", shuffle: false, questionSet: "fixed", timeMultipliers: {} }) },
    });
    const ids: Record<string, string> = {};
    for (const [key, scores] of Object.entries(SCORES)) {
      // Ids are the keys: equal totals rank by student id, as computed by hand above.
      const u = await db.user.create({ data: { id: key, name: key === "s11" ? '-Eve, "the late"' : `Student ${key}`, email: `${key}@example.org` }, select: { id: true } });
      ids[key] = u.id;
      await db.classMember.create({ data: { classId: "c1", userId: u.id } });
      // s11 finishes after the due date; everyone else on 3 March.
      const start = key === "s11" ? new Date("2026-03-07T10:00:00Z") : new Date("2026-03-03T10:00:00Z");
      await attempt(db, { userId: u.id, assignmentId: "a1", deckId, startedAt: start, finishedAt: min(start, 10), scores, snapshotJson: snap });
    }
    // s01 retakes (all right): counts for the best score, not for item analysis.
    await attempt(db, { userId: ids.s01!, assignmentId: "a1", deckId, startedAt: new Date("2026-03-04T10:00:00Z"), finishedAt: new Date("2026-03-04T10:05:00Z"), scores: [1, 1, 1], snapshotJson: snap });
    // s12 has an attempt still open (two answers), not yet in item analysis; s13 has done nothing.
    const s12 = await makeUser(db, { name: "Student s12" });
    await db.classMember.create({ data: { classId: "c1", userId: s12.id } });
    await attempt(db, { userId: s12.id, assignmentId: "a1", deckId, startedAt: new Date("2026-03-05T09:00:00Z"), finishedAt: null, scores: [1, 0], snapshotJson: snap });
    const s13 = await makeUser(db, { name: "Student s13" });
    await db.classMember.create({ data: { classId: "c1", userId: s13.id } });
    // Someone outside the class: never in the numbers.
    const outsider = await makeUser(db, { name: "Outsider" });
    await attempt(db, { userId: outsider.id, assignmentId: "a1", deckId, startedAt: OPEN, finishedAt: min(OPEN, 5), scores: [0, 1, 0], snapshotJson: snap });
    return { db, teacher, ids, s12, s13, factIds };
  }

  it("computes facility and discrimination exactly as by hand, over first finished attempts", async () => {
    const { db, teacher } = await fixture();
    const report = await loadAssignmentReport(teacher, "a1", NOW, db);
    expect(report.itemStudents).toBe(11);
    const byId = Object.fromEntries(report.items.map((i) => [i.itemId, i]));
    expect(report.items.map((i) => i.itemId)).toEqual(["q-a", "q-b", "q-c"]);
    expect([byId["q-a"]!.facility, byId["q-b"]!.facility, byId["q-c"]!.facility].map(formatIndex)).toEqual(["0.64", "0.55", "0.36"]);
    expect([byId["q-a"]!.discrimination, byId["q-b"]!.discrimination, byId["q-c"]!.discrimination].map(formatIndex)).toEqual(["0.67", "0.00", "0.83"]);
    expect(byId["q-a"]!.facility).toBeCloseTo(7 / 11, 12);
    expect(byId["q-c"]!.discrimination).toBeCloseTo(2.5 / 3, 12);
    expect(report.items.map((i) => [i.answered, i.groupSize, i.check])).toEqual([
      [11, 3, false],
      [11, 3, true],
      [11, 3, false],
    ]);
    expect(byId["q-b"]!.flags).toEqual(["weak-discrimination"]);
  });

  it("gives the same analysis by fact, exactly as by hand (a question on two facts counts for both)", async () => {
    const { db, teacher, factIds } = await fixture();
    const report = await loadAssignmentReport(teacher, "a1", NOW, db);
    expect(report.itemsBy).toBe("questions");
    const [f0, f1, f2] = factIds as [string, string, string];
    expect(report.factItems.map((f) => [f.itemId, f.answered, f.questions, formatIndex(f.facility), formatIndex(f.discrimination), f.groupSize, f.flags])).toEqual([
      [f0, 11, 2, "0.50", "0.75", 3, []],
      [f1, 11, 1, "0.55", "0.00", 3, ["weak-discrimination"]],
      [f2, 11, 1, "0.36", "0.83", 3, []],
    ]);
    expect(report.factItems[0]!.facility).toBe(0.5);
    expect(report.factItems[0]!.discrimination).toBeCloseTo(0.75, 12);
    expect(report.factItems[0]!.label).toBe((await db.fact.findUniqueOrThrow({ where: { id: f0 } })).label);
    expect(report.questionsAsked).toEqual({ min: 3, max: 3 });
    const csv = factItemReportCsv(report.factItems);
    expect(csv.split("\r\n")[0]).toBe("\uFEFFFact id,Fact,Students asked,Questions,Facility,Discrimination,Group size,Flags,Check,Unanswered,Problem reports,Hidden from class");
    expect(csv.split("\r\n")[2]).toMatch(new RegExp(`^${f1},.*,11,1,0\\.5455,0,3,weak-discrimination,check this fact,0,0,$`));
  });

  /**
   * Per-student sets: six students, each with their OWN two questions, the
   * first on fact A and the second on fact B (12 questions, each seen once).
   *
   *        A  B  total   rank (total desc, ties by id): p1 p6 p2 p3 p4 p5
   *   p1   1  1  2       N = 6 → n = round(1.62) = 2: upper p1 p6, lower p4 p5
   *   p2   1  0  1
   *   p3   0  1  1       fact A: F = 4/6 = 0.67; D = (1 + 1 − 1 − 0)/2 = 0.50
   *   p4   1  0  1       fact B: F = 3/6 = 0.50; D = (1 + 1 − 0 − 0)/2 = 1.00
   *   p5   0  0  0
   *   p6   1  1  2       by question: N = 1 each, F 0 or 1, no D — meaningless.
   */
  it("analyses per-student question sets by fact, where questions are seen by one student each", async () => {
    const { db, teacher, factIds } = await fixture();
    const [fa, fb] = factIds as [string, string];
    await db.classroom.create({ data: { id: "c2", teacherId: teacher.id, name: "8A", timeZone: "UTC", joinCode: "ABCD2346" } });
    await db.assignment.create({
      data: { id: "a2", classId: "c2", deckId: "sept-2023", kind: "quiz", title: "Own questions", openAt: OPEN, dueAt: DUE, seed: "x", settingsJson: JSON.stringify({ questionCount: 2, types: ["multiple-choice"], timeLimitMinutes: null, attemptsAllowed: 1, feedback: "end", shuffle: false, questionSet: "per-student", timeMultipliers: {} }) },
    });
    const P: Record<string, [number, number]> = { p1: [1, 1], p2: [1, 0], p3: [0, 1], p4: [1, 0], p5: [0, 0], p6: [1, 1] };
    for (const [key, [x, y]] of Object.entries(P)) {
      await db.user.create({ data: { id: key, name: `Pupil ${key}`, email: `${key}@example.org` } });
      await db.classMember.create({ data: { classId: "c2", userId: key } });
      const id = `${key}-attempt`;
      const questions = [
        { id: `${key}-qa`, type: "multiple-choice", prompt: `About A for ${key}`, factIds: [fa] },
        { id: `${key}-qb`, type: "true-false", prompt: `About B for ${key}`, factIds: [fb] },
      ];
      const start = new Date("2026-03-03T10:00:00Z");
      await db.quizAttempt.create({
        data: { id, userId: key, deckId: "sept-2023", assignmentId: "a2", seed: `x:${key}`, settingsJson: "{}", snapshotJson: JSON.stringify({ seed: `x:${key}`, settings: {}, questions }), questionCount: 2, startedAt: start, finishedAt: min(start, 5), score: x + y, maxScore: 2 },
      });
      for (const [i, v] of [x, y].entries()) {
        await db.quizAnswer.create({ data: { attemptId: id, questionId: questions[i]!.id, position: i, responseJson: "null", correct: v === 1, partial: v, answeredAt: min(start, i + 1) } });
      }
    }
    const report = await loadAssignmentReport(teacher, "a2", NOW, db);
    expect(report.itemsBy).toBe("facts");
    expect(report.itemStudents).toBe(6);
    expect(report.items).toHaveLength(12);
    expect(report.items.every((i) => i.answered === 1 && i.discrimination === null)).toBe(true);
    expect(report.factItems.map((f) => [f.itemId, f.answered, f.questions, formatIndex(f.facility), formatIndex(f.discrimination), f.groupSize, f.check])).toEqual([
      [fa, 6, 6, "0.67", "0.50", 2, false],
      [fb, 6, 6, "0.50", "1.00", 2, false],
    ]);
    // The dashboard's "needs attention" counts flags from the facts table here: the one-student questions
    // (facility 0 or 1, so "very hard" or "very easy" each) are not flagged as twelve questions to check.
    const attention = await loadTeacherAttention(teacher, NOW, db);
    expect(attention.filter((x) => x.kind === "flagged").map((x) => [x.assignmentId, x.kind === "flagged" ? [x.questions, x.by] : null])).toEqual([["a1", [1, "questions"]]]);
  });

  it("gives each student's status, best score, time spent and last activity", async () => {
    const { db, teacher, ids, s12, s13 } = await fixture();
    const report = await loadAssignmentReport(teacher, "a1", NOW, db);
    const row = (id: string) => report.rows.find((r) => r.studentId === id)!;
    expect(report.rows).toHaveLength(13);
    expect(row(ids.s01!)).toMatchObject({ status: "done", late: false, score: 1, activityCount: 2, timeSpentMs: 15 * 60_000, lastActivityAt: new Date("2026-03-04T10:05:00Z") });
    expect(row(ids.s02!)).toMatchObject({ status: "done", late: false, activityCount: 1 });
    expect(row(ids.s02!).score).toBeCloseTo(2.5 / 3, 12);
    expect(row(ids.s11!)).toMatchObject({ status: "done", late: true, score: 0, completedAt: new Date("2026-03-07T10:10:00Z") });
    // Open attempt past the due date: late (missing), time up to the last answer (2 min).
    expect(row(s12.id)).toMatchObject({ status: "late", late: true, score: null, timeSpentMs: 2 * 60_000, lastActivityAt: new Date("2026-03-05T09:02:00Z") });
    expect(row(s13.id)).toMatchObject({ status: "late", late: true, score: null, timeSpentMs: 0, lastActivityAt: null, activityCount: 0 });
  });

  it("knows, fact by fact, what the class knows from quiz answers and FSRS recall", async () => {
    const { db, ids, s13, factIds } = await fixture();
    // s13 never answered: a card of fact 2 studied yesterday with a long stability → recall ≥ 0.9 → knows it.
    const card = await db.card.findFirstOrThrow({ where: { factId: factIds[2] }, select: { id: true } });
    await db.cardState.create({
      data: { userId: s13.id, cardId: card.id, due: NOW, stability: 100, difficulty: 5, elapsedDays: 1, scheduledDays: 100, learningSteps: 0, reps: 3, lapses: 0, state: "Review", lastReview: new Date("2026-03-08T12:00:00Z"), version: 3 },
    });
    const report = await classFactReport("c1", NOW, db);
    expect(report.classSize).toBe(13);
    const f = (id: string) => report.rows.find((r) => r.factId === id)!;
    // Fact 0 is asked by q-a and q-c. Latest answer per student: q-c (answered a minute after q-a);
    // s01's latest is the retake (right). Right (partial 0.5 is not right): s01 s03 → 2; s12 did not reach q-c, q-a right → 3.
    expect(f(factIds[0]!)).toMatchObject({ knowsCount: 3, quizAnswers: 2 * 11 + 2 + 1 });
    // q-b: right for s02 s04 s06 s08 s09 s10 + s01's retake; s12 answered wrong.
    expect(f(factIds[1]!)).toMatchObject({ knowsCount: 7, quizAnswers: 13 });
    expect(f(factIds[1]!).quizCorrectShare).toBeCloseTo(7 / 13, 12);
    // Fact 2 (q-c): right s01 s03 (+ s01 retake, same student) + s13 by recall = 3.
    expect(f(factIds[2]!)).toMatchObject({ knowsCount: 3, recallStudents: 1 });
    expect(f(factIds[2]!).meanRecall!).toBeGreaterThan(0.9);
    void ids;
  });

  it("reads states, reviews and answers in SQL with the same JavaScript types Prisma's findMany gives", async () => {
    const { db, ids } = await fixture();
    const card = await db.card.findFirstOrThrow({ select: { id: true } });
    await db.cardState.create({
      data: { userId: ids.s01!, cardId: card.id, due: NOW, stability: 2.5, difficulty: 5, elapsedDays: 1, scheduledDays: 2, learningSteps: 0, reps: 1, lapses: 0, state: "Review", lastReview: new Date("2026-03-08T12:00:00Z"), version: 1 },
    });
    const [states, answers] = await Promise.all([cardStatesOf([ids.s01!, "nobody"], db), quizAnswersOf([ids.s01!], db)]);
    expect(states).toEqual([{ userId: ids.s01, cardId: card.id, state: "Review", stability: 2.5, lastReview: new Date("2026-03-08T12:00:00Z") }]);
    const viaPrisma = await db.quizAnswer.findMany({ where: { attempt: { userId: ids.s01! } }, select: { attemptId: true, questionId: true, correct: true, answeredAt: true } });
    const key = (r: { attemptId: string; questionId: string }) => `${r.attemptId}/${r.questionId}`;
    expect(answers.map((a) => ({ attemptId: a.attemptId, questionId: a.questionId, correct: a.correct, answeredAt: a.answeredAt })).sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      viaPrisma.sort((x, y) => key(x).localeCompare(key(y))),
    );
    expect(answers).toHaveLength(6);
    expect(answers.every((a) => a.userId === ids.s01 && typeof a.correct === "boolean" && a.answeredAt instanceof Date)).toBe(true);
    expect(await cardStatesOf([], db)).toEqual([]);
    await db.reviewLog.createMany({
      data: [
        { id: "log-1", userId: ids.s01!, cardId: card.id, grade: 3, reviewedAt: new Date("2026-03-08T12:00:00Z"), durationMs: 4200, versionAfter: 1, introduced: true, logJson: "{}" },
        { id: "log-2", userId: ids.s01!, cardId: card.id, grade: 1, reviewedAt: new Date("2026-03-08T12:01:00Z"), durationMs: 900, versionAfter: 2, introduced: false, logJson: "{}", undoneAt: new Date("2026-03-08T12:02:00Z") },
      ],
    });
    // The undone review is left out.
    expect(await reviewLogsOf([ids.s01!], db)).toEqual([{ userId: ids.s01, cardId: card.id, reviewedAt: new Date("2026-03-08T12:00:00Z"), durationMs: 4200 }]);
  });

  it("exports CSV with RFC 4180 quoting and formula characters defused", async () => {
    const { db, teacher, ids } = await fixture();
    const report = await loadAssignmentReport(teacher, "a1", NOW, db);
    const emails = await studentEmails(report.rows.map((r) => r.studentId), db);
    const csv = studentReportCsv(report.rows.map((r) => ({ ...r, email: emails.get(r.studentId)! })), "quiz", "Europe/London");
    expect(csv.startsWith("\uFEFFStudent,E-mail,Student id,Status,Late,Best score (0-1),Attempts,Time spent (min),Last activity (Europe/London),Last activity (UTC),Completed (UTC)\r\n")).toBe(true);
    const eve = report.rows.find((r) => r.studentId === ids.s11)!;
    expect(eve.name).toBe('-Eve, "the late"');
    // Leading "-" → "'" prefix; the comma and quotes → quoted, quotes doubled.
    expect(csv).toContain(`\r\n"'-Eve, ""the late""",${emails.get(ids.s11!)},${ids.s11},done,true,0,1,10,2026-03-07 10:10,2026-03-07T10:10:00.000Z,2026-03-07T10:10:00.000Z\r\n`);
    expect(csv.endsWith("\r\n")).toBe(true);
    const items = itemReportCsv(report.items);
    expect(items.split("\r\n")[2]).toBe(`q-b,true-false,'=cmd|' /C calc'!A0,${report.items[1]!.factIds.join(" ")},11,0.5455,0,3,weak-discrimination,check this question,0,0,`);
  });

  it("shows a class's reports to its own teacher only", async () => {
    const { db } = await fixture();
    const other = await makeUser(db, { role: "teacher" });
    const student = await makeUser(db);
    await expect(loadAssignmentReport({ ...other, role: "teacher" }, "a1", NOW, db)).rejects.toBeInstanceOf(NotFound);
    await expect(loadAssignmentReport({ ...student, role: "student" }, "a1", NOW, db)).rejects.toBeInstanceOf(NotFound);
  });
});
