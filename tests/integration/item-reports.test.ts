/**
 * Item problems and the teacher's attempt view on a real database (both
 * providers): a student reports what they were shown (one report per item,
 * editable, rate-limited), the class's teacher sees it with its evidence and
 * hides the fact — it is then in no new quiz of the class and in none of the
 * class's review queues for the deck — and shows it again; the attempt view
 * and the distractor counts are for the class's teacher only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/roles";
import { createAssignment } from "@/lib/data/assignments";
import { startAssignment } from "@/lib/data/assignment-start";
import { createClass, joinClassByCode } from "@/lib/data/classes";
import { allItemReports, ITEM_REPORT_LIMIT, loadClassItemReports, myItemReport, saveItemReport, setFactHidden } from "@/lib/data/item-reports";
import { takeSlot } from "@/lib/data/limits";
import { finishAttempt, recordAnswer } from "@/lib/data/quiz-attempts";
import { loadAssignmentItemExtras, loadAssignmentReport, loadAttemptForTeacher, loadTeacherAttention } from "@/lib/data/reports";
import { deckQueue } from "@/lib/data/reviews";
import { itemReportsCsv } from "@/lib/reports/report-csv";
import type { QuizSnapshot } from "@/lib/quiz/quiz-snapshot";
import { NotFound, RateLimited } from "@/lib/errors";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { corpusInput, makeUser, seededDb } from "./helpers/seeded-db";

const NOW = new Date("2026-03-02T09:00:00Z");
const later = (s: number) => new Date(NOW.getTime() + s * 1000);
const viewer = (u: { id: string; name: string; email: string; role: string }): Viewer => ({ ...u, role: u.role === "teacher" ? "teacher" : "student" });
const quizForm = (over: Record<string, unknown> = {}) => ({
  kind: "quiz", deckId: "sept-2023", title: "Items", openAt: "2026-03-01T08:00", dueAt: "2026-03-09T23:59", questionCount: "6",
  types: ["multiple-choice", "true-false"], timeLimitMinutes: "", attemptsAllowed: "3", feedback: "immediate", shuffle: "", questionSet: "fixed", timeMultipliers: {},
  ...over,
});

describe.each(availableProviders())("item problems on %s", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await seededDb(provider);
  });
  afterAll(async () => t?.close());

  async function setUp() {
    const teacher = viewer(await makeUser(t.db, { role: "teacher", name: "Ms T" }));
    const other = viewer(await makeUser(t.db, { role: "teacher", name: "Mr O" }));
    const ani = viewer(await makeUser(t.db, { name: "Ani" }));
    const boris = viewer(await makeUser(t.db, { name: "Boris" }));
    const klass = await createClass(teacher, { name: "7B", termStart: null, termEnd: null, timeZone: "UTC" }, t.db);
    await joinClassByCode(ani, klass.joinCode, NOW, t.db);
    await joinClassByCode(boris, klass.joinCode, NOW, t.db);
    const a = await createAssignment(teacher, klass.id, quizForm(), undefined, t.db);
    return { teacher, other, ani, boris, klass, a };
  }
  const snapshotOf = async (href: string) => {
    const id = href.split("/").pop()!;
    const row = await t.db.quizAttempt.findUniqueOrThrow({ where: { id }, select: { snapshotJson: true } });
    return { id, snapshot: JSON.parse(row.snapshotJson) as QuizSnapshot };
  };

  it("a student reports a question they were shown, once per item (sending again edits it); nothing else", async () => {
    const { ani, boris, a } = await setUp();
    const { corpus } = corpusInput();
    const { id: attemptId, snapshot } = await snapshotOf((await startAssignment(ani, a.id, NOW, corpus, t.db)).href);
    const q = snapshot.questions[0]!;
    const first = await saveItemReport(ani, { kind: "question", attemptId, itemId: q.id, reason: "wrong-answer", note: "The date is off" }, NOW, t.db);
    expect(first).toMatchObject({ kind: "question", itemId: q.id, reason: "wrong-answer", note: "The date is off", created: true });
    const edited = await saveItemReport(ani, { kind: "question", attemptId, itemId: q.id, reason: "confusing", note: null }, later(60), t.db);
    expect(edited).toMatchObject({ id: first.id, reason: "confusing", note: null, created: false });
    expect(await t.db.itemReport.count({ where: { userId: ani.id } })).toBe(1);
    expect(await myItemReport(ani, "question", q.id, t.db)).toMatchObject({ reason: "confusing" });
    const row = await t.db.itemReport.findUniqueOrThrow({ where: { id: first.id } });
    expect([row.itemText, JSON.parse(row.factIdsJson), row.createdAt.toISOString()]).toEqual([q.prompt, [...new Set(q.factIds)], NOW.toISOString()]);
    // Another student's attempt, a question not in the attempt, a card that does not exist: NotFound, nothing written.
    await expect(saveItemReport(boris, { kind: "question", attemptId, itemId: q.id, reason: "typo", note: null }, NOW, t.db)).rejects.toBeInstanceOf(NotFound);
    await expect(saveItemReport(ani, { kind: "question", attemptId, itemId: "no-such-question", reason: "typo", note: null }, NOW, t.db)).rejects.toBeInstanceOf(NotFound);
    await expect(saveItemReport(ani, { kind: "card", itemId: "no-such-card", reason: "typo", note: null }, NOW, t.db)).rejects.toBeInstanceOf(NotFound);
    expect(await t.db.itemReport.count({ where: { userId: { in: [ani.id, boris.id] } } })).toBe(1);
    // A card counts for its fact.
    const card = await t.db.card.findFirstOrThrow({ where: { retired: false }, select: { id: true, factId: true, front: true } });
    await saveItemReport(boris, { kind: "card", itemId: card.id, reason: "not-in-source", note: "?" }, later(120), t.db);
    const all = await allItemReports(t.db);
    const mine = all.filter((r) => r.studentId === ani.id || r.studentId === boris.id);
    expect(mine.map((r) => [r.kind, r.itemId, r.reason, r.email])).toEqual([
      ["question", q.id, "confusing", ani.email],
      ["card", card.id, "not-in-source", boris.email],
    ]);
    expect(itemReportsCsv(mine).split("\r\n")[0]).toBe("\uFEFFReport id,Kind,Item id,Facts,Item,Reason,Reason (words),Note,Student id,E-mail,Reported (UTC),Updated (UTC)");
  });

  it("reports are rate-limited per student: a full hour refuses and writes nothing", async () => {
    const { ani } = await setUp();
    const card = await t.db.card.findFirstOrThrow({ where: { retired: false }, select: { id: true } });
    for (let i = 0; i < ITEM_REPORT_LIMIT.max; i++) expect((await takeSlot(`item-report:${ani.id}`, ITEM_REPORT_LIMIT, NOW, t.db)).ok).toBe(true);
    await expect(saveItemReport(ani, { kind: "card", itemId: card.id, reason: "typo", note: null }, NOW, t.db)).rejects.toBeInstanceOf(RateLimited);
    expect(await t.db.itemReport.count({ where: { userId: ani.id } })).toBe(0);
  });

  it("the teacher sees the class's reports with the evidence, hides the fact from new quizzes and review queues, and shows it again", async () => {
    const { teacher, other, ani, boris, klass, a } = await setUp();
    const { corpus } = corpusInput();
    const { id: attemptId, snapshot } = await snapshotOf((await startAssignment(ani, a.id, NOW, corpus, t.db)).href);
    const q = snapshot.questions[0]!;
    await saveItemReport(ani, { kind: "question", attemptId, itemId: q.id, reason: "more-than-one", note: "Both B and C" }, NOW, t.db);
    const list = await loadClassItemReports(teacher, klass.id, t.db);
    const fact = list.find((f) => f.factId === q.factIds[0])!;
    expect(fact).toMatchObject({ hidden: false, reportCount: 1 });
    expect(fact.evidence.length).toBeGreaterThan(0);
    expect(fact.items[0]).toMatchObject({ kind: "question", itemId: q.id, itemText: q.prompt, reasonCounts: { "more-than-one": 1 } });
    expect(fact.items[0]!.reports[0]).toMatchObject({ name: "Ani", email: ani.email, note: "Both B and C" });
    await expect(loadClassItemReports(other, klass.id, t.db)).rejects.toBeInstanceOf(NotFound);
    await expect(setFactHidden(other, { classId: klass.id, factId: q.factIds[0]!, hidden: true }, NOW, t.db)).rejects.toBeInstanceOf(NotFound);

    // Hide every fact of Ani's first question: Boris's new attempt (same fixed set otherwise) asks about none of them.
    for (const f of q.factIds) expect(await setFactHidden(teacher, { classId: klass.id, factId: f, hidden: true }, NOW, t.db)).toEqual({ hidden: true });
    expect(await setFactHidden(teacher, { classId: klass.id, factId: q.factIds[0]!, hidden: true }, NOW, t.db)).toEqual({ hidden: true }); // idempotent
    const boris1 = await snapshotOf((await startAssignment(boris, a.id, NOW, corpus, t.db)).href);
    expect(boris1.snapshot.questions.length).toBeGreaterThan(0);
    for (const bq of boris1.snapshot.questions) for (const f of bq.factIds) expect(q.factIds).not.toContain(f);
    expect((await loadClassItemReports(teacher, klass.id, t.db)).find((f) => f.factId === q.factIds[0])!.hidden).toBe(true);

    // Review queue of the assigned deck: the card shown first, once its fact is hidden, is replaced by a card of another fact.
    const before = (await deckQueue({ userId: boris.id, deckId: "sept-2023", now: NOW }, t.db)).card!;
    const cardFact = (await t.db.card.findUniqueOrThrow({ where: { id: before.cardId }, select: { factId: true } })).factId;
    await setFactHidden(teacher, { classId: klass.id, factId: cardFact, hidden: true }, NOW, t.db);
    const after = (await deckQueue({ userId: boris.id, deckId: "sept-2023", now: NOW }, t.db)).card!;
    expect((await t.db.card.findUniqueOrThrow({ where: { id: after.cardId }, select: { factId: true } })).factId).not.toBe(cardFact);
    // A student outside the class still gets it.
    const outsider = viewer(await makeUser(t.db, { name: "Outsider" }));
    expect((await deckQueue({ userId: outsider.id, deckId: "sept-2023", now: NOW }, t.db)).card!.cardId).toBe(before.cardId);
    // Shown again: back in the queue.
    expect(await setFactHidden(teacher, { classId: klass.id, factId: cardFact, hidden: false }, NOW, t.db)).toEqual({ hidden: false });
    expect((await deckQueue({ userId: boris.id, deckId: "sept-2023", now: NOW }, t.db)).card!.cardId).toBe(before.cardId);
  });

  it("the attempt view and the choices picked are the class teacher's only; unanswered is not wrong", async () => {
    const { teacher, other, ani, boris, a } = await setUp();
    const { corpus } = corpusInput();
    const { id: attemptId, snapshot } = await snapshotOf((await startAssignment(ani, a.id, NOW, corpus, t.db)).href);
    const [q1, q2] = snapshot.questions;
    // Ani answers the first question with a wrong option (or "True" for a false statement) and stops there.
    const wrong = q1!.type === "true-false" ? (q1!.answer === "True" ? "False" : "True") : q1!.options!.find((o) => o !== q1!.answer)!;
    await recordAnswer({ attemptId, userId: ani.id, questionId: q1!.id, response: wrong, now: later(42) }, t.db);
    await finishAttempt({ attemptId, userId: ani.id, now: later(50) }, t.db);

    const view = await loadAttemptForTeacher(teacher, attemptId, t.db);
    expect(view.student).toEqual({ id: ani.id, name: "Ani", email: ani.email });
    expect(view.questions[0]!.answer).toMatchObject({ response: wrong, correct: false, tookMs: 42_000 });
    expect(view.questions[1]!.answer).toBeNull();
    expect(view.score).toBe(0);
    await expect(loadAttemptForTeacher(other, attemptId, t.db)).rejects.toBeInstanceOf(NotFound);
    await expect(loadAttemptForTeacher(boris, attemptId, t.db)).rejects.toBeInstanceOf(NotFound);
    await expect(loadAttemptForTeacher(teacher, "no-such-attempt", t.db)).rejects.toBeInstanceOf(NotFound);

    const extras = await loadAssignmentItemExtras(teacher, a.id, t.db);
    const row = extras.options.find((o) => o.questionId === q1!.id)!;
    expect(row.options.find((o) => o.option === wrong)!.count).toBe(1);
    expect(row.options.filter((o) => o.correct).map((o) => o.count)).toEqual([0]);
    expect([row.answered, row.unanswered]).toEqual([1, 0]);
    expect(extras.unansweredByQuestion.get(q2!.id)).toBe(1);
    expect(extras.attemptsByStudent.get(ani.id)!.map((x) => x.id)).toEqual([attemptId]);
    // Unanswered questions are left out of the item statistics; one answer is not enough to flag.
    const report = await loadAssignmentReport(teacher, a.id, later(60), t.db);
    expect(report.items.find((i) => i.itemId === q2!.id)).toMatchObject({ answered: 0, facility: null, check: false, enoughAnswers: false });
    expect(report.items.find((i) => i.itemId === q1!.id)).toMatchObject({ answered: 1, facility: 0, check: false, enoughAnswers: false });
    await expect(loadAssignmentItemExtras(other, a.id, t.db)).rejects.toBeInstanceOf(NotFound);
    // "Needs attention" agrees with the page: one wrong answer (facility 0) is not a flag yet.
    expect((await loadTeacherAttention(teacher, later(60), t.db)).filter((x) => x.kind === "flagged")).toEqual([]);
  });
});
