/**
 * The review report, the dashboard's "needs attention" and what the class
 * knows per fact read summaries made in SQL (lib/data report-reads
 * `reviewSummariesOf`, `deckRecallOf`, `factKnowledgeSumsOf`) instead of
 * every row: checked on both providers against the rule applied to the rows
 * themselves (lib/reports `assignmentReport` over `reviewLogsOf`, mean recall
 * over `cardStatesOf` and lib/srs `retrievability`, lib/reports
 * `factKnowledge` over `cardStatesOf` and `quizAnswersOf`), on data with
 * undone reviews, reviews of cards outside the deck and of a retired card,
 * long answers, answers at equal times, a question on two facts and one on a
 * fact outside the report, a student with nothing and one outside the class.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Viewer } from "../../lib/auth/roles";
import { classFactReport, clearReportCaches, loadAssignmentReport, loadTeacherAttention } from "../../lib/data/reports";
import { cardStatesOf, quizAnswersOf, reviewLogsOf } from "../../lib/data/report-reads";
import { factKnowledge, type FactAnswerRow, type FactRecallRow } from "../../lib/reports/fact-knowledge";
import { deckCardIds } from "../../lib/data/assignments";
import { assignmentReport } from "../../lib/reports/assignment-report";
import { retrievability } from "../../lib/srs/retrievability";
import { DEFAULT_SRS_PARAMS } from "../../lib/srs/params";
import type { SrsState } from "../../lib/srs/card-state";
import { seededRandom } from "../../scripts/bench/shared/seeded-random";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const DAY = 86_400_000;
const NOW = new Date("2026-03-09T12:00:00.123Z");

describe.each(availableProviders())("aggregated review report on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("gives the rows the rule gives over every review and card state, and the same needs-attention list", async () => {
    t = await seededDb(provider);
    const db = t.db;
    const rand = seededRandom(15);
    const teacherRow = await makeUser(db, { role: "teacher", name: "Ms T" });
    const teacher: Viewer = { ...teacherRow, role: "teacher" };
    await db.classroom.create({ data: { id: "c1", teacherId: teacher.id, name: "8A", joinCode: "AGGR2345" } });
    const deckId = "sept-2023";
    const inDeck = (await db.deckCard.findMany({ where: { deckId }, select: { cardId: true }, orderBy: { position: "asc" } })).map((c) => c.cardId);
    const outside = (await db.card.findMany({ where: { decks: { none: { deckId } } }, select: { id: true }, take: 3 })).map((c) => c.id);
    // One deck card retired: its reviews no longer count, and the deck is one card shorter.
    await db.card.update({ where: { id: inDeck[0]! }, data: { retired: true } });
    await db.assignment.createMany({
      data: [
        { id: "r-past", classId: "c1", deckId, kind: "review", title: "Past due", openAt: new Date(NOW.getTime() - 20 * DAY), dueAt: new Date(NOW.getTime() - 2 * DAY), seed: "a" },
        { id: "r-future", classId: "c1", deckId, kind: "review", title: "Not yet due", openAt: new Date(NOW.getTime() - 20 * DAY), dueAt: new Date(NOW.getTime() + 2 * DAY), seed: "b" },
      ],
    });
    const students: string[] = [];
    for (let s = 0; s < 6; s++) {
      const u = await makeUser(db, { name: `Student ${s}` });
      students.push(u.id);
      await db.classMember.create({ data: { classId: "c1", userId: u.id } });
    }
    const outsider = await makeUser(db, { name: "Outsider" });
    // Student 0: every deck card (done, on time or late by the first-study dates); 1–4 random; 5 nothing.
    let n = 0;
    for (const [s, userId] of [...students.slice(0, 5), outsider.id].entries()) {
      const cards = s === 0 ? inDeck : [...inDeck, ...outside].filter(() => rand() < 0.6);
      for (const cardId of cards) {
        const reviews = 1 + Math.floor(rand() * 3);
        let at = NOW.getTime() - Math.floor(rand() * 15 * DAY) - 1;
        for (let r = 0; r < reviews; r++) {
          at += Math.floor(rand() * DAY);
          await db.reviewLog.create({
            data: { id: `log-${n++}`, userId, cardId, grade: 3, reviewedAt: new Date(Math.min(at, NOW.getTime())), durationMs: rand() < 0.2 ? 61_000 + Math.floor(rand() * 100_000) : Math.floor(rand() * 20_000), versionAfter: r + 1, introduced: r === 0, logJson: "{}", undoneAt: s > 0 && rand() < 0.15 ? NOW : null },
          });
        }
        const last = new Date(at - Math.floor(rand() * DAY));
        await db.cardState.create({
          data: { userId, cardId, due: NOW, stability: rand() < 0.1 ? 0 : 0.5 + rand() * 40, difficulty: 5, elapsedDays: 1, scheduledDays: 3, learningSteps: 0, reps: reviews, lapses: 0, state: rand() < 0.1 ? "New" : "Review", lastReview: rand() < 0.05 ? null : last, version: reviews },
        });
      }
    }

    const report = await loadAssignmentReport(teacher, "r-past", NOW, db);
    // The oracle: the rule over every row, as the report read them before.
    const cardIds = (await deckCardIds([deckId], db)).get(deckId)!;
    const names = report.rows.map((r) => ({ studentId: r.studentId, name: r.name }));
    const logs = await reviewLogsOf(students, db);
    const rows = assignmentReport({ kind: "review", dueAt: report.assignment.dueAt, now: NOW, students: names, deckCardIds: cardIds, reviews: logs.map((r) => ({ studentId: r.userId, cardId: r.cardId, reviewedAt: r.reviewedAt, durationMs: r.durationMs })) });
    const recall = new Map<string, number[]>();
    const byKey = (x: { userId: string; cardId: string }, y: { userId: string; cardId: string }) => (x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : x.cardId < y.cardId ? -1 : x.cardId > y.cardId ? 1 : 0);
    for (const s of (await cardStatesOf(students, db)).sort(byKey)) {
      if (!cardIds.includes(s.cardId)) continue;
      const r = retrievability({ state: s.state as SrsState, stability: s.stability, lastReview: s.lastReview, due: NOW, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, version: 0 }, NOW, DEFAULT_SRS_PARAMS);
      if (r !== null) recall.set(s.userId, [...(recall.get(s.userId) ?? []), r]);
    }
    const mean = (xs?: number[]) => (xs ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    // Mean recall is computed in SQL (lib/data report-reads `deckRecallOf`): equal to the rule's up to float summation order.
    expect(report.rows.map((r) => ({ ...r, meanRecall: null }))).toEqual(rows.map((r) => ({ ...r, meanRecall: null })));
    for (const r of report.rows) {
      const want = mean(recall.get(r.studentId));
      if (want === null) expect(r.meanRecall).toBeNull();
      else expect(Math.abs(r.meanRecall! - want)).toBeLessThan(1e-9);
    }
    expect(report.rows.filter((r) => r.meanRecall !== null).length).toBeGreaterThanOrEqual(4);
    // The data covers the cases: done, late, capped time, nothing at all.
    expect(report.rows.map((r) => r.status)).toContain("done");
    expect(report.rows.filter((r) => r.status === "late").length).toBeGreaterThanOrEqual(2);
    expect(report.rows.find((r) => r.studentId === students[5])).toMatchObject({ activityCount: 0, timeSpentMs: 0, lastActivityAt: null, meanRecall: null });

    // Needs attention: what the full reports say, one assignment after another.
    const want = [];
    for (const id of ["r-future", "r-past"]) {
      const rep = await loadAssignmentReport(teacher, id, NOW, db);
      const late = rep.rows.filter((r) => r.status === "late").map((r) => r.name);
      if (late.length) want.push({ kind: "late", assignmentId: id, title: rep.assignment.title, className: "8A", dueAt: rep.assignment.dueAt, students: late });
    }
    expect(want).toHaveLength(1);
    expect(await loadTeacherAttention(teacher, NOW, db)).toEqual(want);
  });

  it("knows per fact what factKnowledge gives over every card state and answer", async () => {
    t = await seededDb(provider);
    const db = t.db;
    const rand = seededRandom(23);
    const teacherRow = await makeUser(db, { role: "teacher", name: "Ms F" });
    await db.classroom.create({ data: { id: "c2", teacherId: teacherRow.id, name: "9C", joinCode: "FACT2345" } });
    const deckId = "sept-2023";
    await db.assignment.create({ data: { id: "quiz-1", classId: "c2", deckId, kind: "quiz", title: "Quiz", openAt: new Date(NOW.getTime() - 9 * DAY), dueAt: new Date(NOW.getTime() - DAY), seed: "s" } });
    const deckCards = await db.card.findMany({ where: { retired: false, decks: { some: { deckId } } }, select: { id: true, factId: true }, orderBy: { id: "asc" } });
    const otherCards = await db.card.findMany({ where: { retired: false, decks: { none: { deckId } } }, select: { id: true, factId: true }, take: 4 });
    const deckFacts = [...new Set(deckCards.map((c) => c.factId))];
    const otherFact = otherCards.find((c) => !deckFacts.includes(c.factId))!.factId;
    // Questions on one fact, one on two facts, one on a fact outside the report.
    const questions = [
      ...deckFacts.slice(0, 8).map((f, i) => ({ id: `q-${i}`, factIds: [f] })),
      { id: "q-two", factIds: [deckFacts[0]!, deckFacts[1]!] },
      { id: "q-out", factIds: [otherFact] },
    ];
    const students: string[] = [];
    for (let s = 0; s < 7; s++) {
      const u = await makeUser(db, { name: `Student ${s}` });
      students.push(u.id);
      await db.classMember.create({ data: { classId: "c2", userId: u.id } });
    }
    const outsider = await makeUser(db, { name: "Outsider" });
    for (const [s, userId] of [...students.slice(0, 6), outsider.id].entries()) {
      for (const c of [...deckCards, ...otherCards]) {
        if (rand() < 0.4) continue;
        const state = rand() < 0.1 ? "New" : "Review";
        await db.cardState.create({
          data: { userId, cardId: c.id, due: NOW, stability: rand() < 0.1 ? 0 : 0.5 + rand() * 60, difficulty: 5, elapsedDays: 1, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state, lastReview: rand() < 0.05 ? null : new Date(NOW.getTime() - Math.floor(rand() * 30 * DAY) + (rand() < 0.05 ? DAY : 0)), version: 1 },
        });
      }
      // Student 5 has card states only; the rest take two to four quizzes.
      if (s === 5) continue;
      for (let k = 0, quizzes = 2 + Math.floor(rand() * 3); k < quizzes; k++) {
        const asked = questions.filter(() => rand() < 0.6);
        const start = new Date(NOW.getTime() - (k + 1) * DAY - Math.floor(rand() * 3_600_000));
        const attempt = await db.quizAttempt.create({
          data: { id: `t-${s}-${k}`, userId, deckId, assignmentId: k === 0 ? "quiz-1" : null, seed: `x${k}`, settingsJson: "{}", questionCount: asked.length, maxScore: asked.length, startedAt: start, finishedAt: start, score: 0, snapshotJson: JSON.stringify({ questions: asked.map((q) => ({ ...q, prompt: q.id, type: "true-false" })) }) },
          select: { id: true },
        });
        for (const [i, q] of asked.entries()) {
          // Every third answer shares its time with the one before: an incorrect one must win the tie.
          const at = new Date(start.getTime() + (i % 3 === 2 ? i - 1 : i) * 60_000);
          const correct = rand() < 0.6;
          await db.quizAnswer.create({ data: { attemptId: attempt.id, questionId: q.id, position: i, responseJson: "null", correct, partial: correct ? 1 : 0, answeredAt: at } });
        }
      }
    }

    clearReportCaches();
    const report = await classFactReport("c2", NOW, db);
    // The oracle: the rule over every row, as the report read them before.
    const factOfCard = new Map(deckCards.map((c) => [c.id, c.factId]));
    const recalls: FactRecallRow[] = (await cardStatesOf(students, db)).flatMap((s) =>
      factOfCard.has(s.cardId)
        ? [{ studentId: s.userId, factId: factOfCard.get(s.cardId)!, retrievability: retrievability({ state: s.state as SrsState, stability: s.stability, lastReview: s.lastReview, due: NOW, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, version: 0 }, NOW, DEFAULT_SRS_PARAMS) }]
        : [],
    );
    const factsOf = new Map(questions.map((q) => [q.id, q.factIds]));
    const answers: FactAnswerRow[] = (await quizAnswersOf(students, db)).flatMap((a) => factsOf.get(a.questionId)!.map((factId) => ({ studentId: a.userId, factId, answeredAt: a.answeredAt, correct: a.correct })));
    const want = factKnowledge({ factIds: report.rows.map((r) => r.factId), studentIds: students, answers, recalls });
    expect(report.classSize).toBe(7);
    expect(report.rows.map((r) => r.factId)).toEqual(want.map((r) => r.factId));
    expect(report.rows.map((r) => r.factId)).not.toContain(otherFact);
    for (const [i, row] of report.rows.entries()) {
      const w = want[i]!;
      expect({ ...row, meanRecall: null, label: undefined, statement: undefined }).toEqual({ ...w, meanRecall: null, label: undefined, statement: undefined });
      if (w.meanRecall === null) expect(row.meanRecall).toBeNull();
      else expect(Math.abs(row.meanRecall! - w.meanRecall)).toBeLessThan(1e-9);
    }
    // The data covers the cases: facts known by answers and by recall, a fact both answered and recalled, one with nothing.
    expect(want.some((r) => r.quizAnswers > 0 && r.knowsCount > 0)).toBe(true);
    expect(want.some((r) => r.quizAnswers === 0 && r.knowsCount > 0)).toBe(true);
    expect(want.some((r) => r.quizAnswers > 0 && r.recallStudents > 0)).toBe(true);
    expect(want.filter((r) => r.recallStudents > 0).length).toBeGreaterThanOrEqual(5);
    // A second read comes from the question cache and gives the same rows.
    expect(await classFactReport("c2", NOW, db)).toEqual(report);
  });
});
