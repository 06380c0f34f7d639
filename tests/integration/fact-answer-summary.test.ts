/**
 * FactAnswerSummary (prisma/models.prisma) is kept by the database: a trigger
 * on QuizAnswer adds each answer to the row of every distinct fact of its
 * question, and the migration that made the table filled it from the answers
 * stored before. Checked on both providers against the rule over the rows
 * themselves — per (student, fact): the answers, the correct ones, and the
 * latest answer as time in ms × 2 + 1 if incorrect (an incorrect one wins a
 * tie) — for answers stored through `recordAnswer` (two attempts answered at
 * the same instants, one right and one wrong; two answers at once) and by a
 * bulk insert (a question listing one fact twice, one on two facts), then
 * the migration's fill statement run again over the same answers, and the
 * rows going with their student.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadDecks } from "../../lib/content/decks";
import { loadValidCorpus } from "../../lib/content/load";
import type { Db } from "../../lib/db";
import { quizAnswersOf } from "../../lib/data/report-reads";
import { recordAnswer, startQuizAttempt } from "../../lib/data/quiz-attempts";
import { seedCorpus, type SeedInput } from "../../lib/data/seed-corpus";
import { generateCards } from "../../lib/generate/cards";
import type { Question } from "../../lib/generate/question";
import { wrongAnswer } from "./helpers/quiz-responses";
import { fillStatement } from "./helpers/summary-fill";
import { availableProviders, testDb, type TestDb } from "./helpers/test-db";

const T0 = new Date("2025-03-01T10:00:00.250Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const MIGRATION = "20261204184416_fact_answer_summary";

let real: SeedInput;
beforeAll(() => {
  const corpus = loadValidCorpus("content");
  real = { corpus, cards: generateCards(corpus), decks: loadDecks("content") };
});

type Row = { userId: string; factId: string; answers: number; correct: number; lastKey: number };
const byKey = (rows: Row[]) => rows.map((r) => ({ ...r, answers: Number(r.answers), correct: Number(r.correct), lastKey: Number(r.lastKey) })).sort((a, b) => (a.userId + a.factId < b.userId + b.factId ? -1 : 1));

async function summaryRows(db: Db): Promise<Row[]> {
  return byKey(await db.factAnswerSummary.findMany());
}

/** The rule over every stored answer and the snapshots of their attempts. */
async function oracle(db: Db, userIds: string[]): Promise<Row[]> {
  const answers = await quizAnswersOf(userIds, db);
  const attempts = await db.quizAttempt.findMany({ select: { id: true, snapshotJson: true } });
  const factsOf = new Map<string, Map<string, string[]>>();
  for (const a of attempts) {
    const qs = (JSON.parse(a.snapshotJson) as { questions: { id: string; factIds: string[] }[] }).questions;
    factsOf.set(a.id, new Map(qs.map((q) => [q.id, q.factIds])));
  }
  const out = new Map<string, Row>();
  for (const a of answers) {
    for (const factId of new Set(factsOf.get(a.attemptId)!.get(a.questionId)!)) {
      const k = `${a.userId} ${factId}`;
      const r = out.get(k) ?? { userId: a.userId, factId, answers: 0, correct: 0, lastKey: -Infinity };
      r.answers += 1;
      r.correct += a.correct ? 1 : 0;
      r.lastKey = Math.max(r.lastKey, new Date(a.answeredAt).getTime() * 2 + (a.correct ? 0 : 1));
      out.set(k, r);
    }
  }
  return byKey([...out.values()]);
}



describe.each(availableProviders())("FactAnswerSummary on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("holds every answer per (student, fact) as the rule over the answers gives, kept by the trigger and refilled alike by the migration", async () => {
    t = await testDb(provider);
    const db = t.db;
    await seedCorpus(real, db);
    const users = ["ani", "boris", "cleo"];
    for (const u of users) await db.user.create({ data: { id: u, name: u, email: `${u}@example.test`, role: "student" } });

    // Ani: two attempts with the same questions, answered at the same instants, right in the first and wrong in the second.
    const start = (userId: string, seed: string) =>
      startQuizAttempt({ userId, deckId: "everything", count: 10, types: null, feedback: "immediate", seed, now: T0 }, db).then((r) => r.attemptId);
    const [a1, a2] = [await start("ani", "fas-1"), await start("ani", "fas-1")];
    const questions = (JSON.parse((await db.quizAttempt.findUniqueOrThrow({ where: { id: a1 } })).snapshotJson) as { questions: Question[] }).questions;
    expect(questions.some((q) => new Set(q.factIds).size > 1)).toBe(true);
    for (const [i, q] of questions.entries()) {
      await recordAnswer({ attemptId: a1, userId: "ani", questionId: q.id, response: q.answer, now: at(i) }, db);
      await recordAnswer({ attemptId: a2, userId: "ani", questionId: q.id, response: wrongAnswer(q), now: at(i) }, db);
    }
    // A replayed answer is not stored again, so not counted again.
    await recordAnswer({ attemptId: a1, userId: "ani", questionId: questions[0]!.id, response: questions[0]!.answer, now: at(99) }, db);
    // Cleo: two attempts answered at once, on the same facts.
    const [c1, c2] = [await start("cleo", "fas-2"), await start("cleo", "fas-2")];
    const cq = (JSON.parse((await db.quizAttempt.findUniqueOrThrow({ where: { id: c1 } })).snapshotJson) as { questions: Question[] }).questions;
    for (const [i, q] of cq.slice(0, 4).entries()) {
      await Promise.all([
        recordAnswer({ attemptId: c1, userId: "cleo", questionId: q.id, response: q.answer, now: at(200 + i) }, db),
        recordAnswer({ attemptId: c2, userId: "cleo", questionId: q.id, response: q.answer, now: at(200 + i) }, db),
      ]);
    }
    // Boris: a bulk insert of a hand-made attempt (a question listing one fact twice, one on two facts, one on a fact no other has).
    const facts = (await db.fact.findMany({ select: { id: true }, take: 3, orderBy: { id: "asc" } })).map((f) => f.id);
    const snap = { questions: [{ id: "q-twice", factIds: [facts[0], facts[0]] }, { id: "q-two", factIds: [facts[0], facts[1]] }, { id: "q-other", factIds: ["fact-not-in-corpus"] }] };
    await db.quizAttempt.create({ data: { id: "b1", userId: "boris", deckId: "everything", seed: "x", settingsJson: "{}", snapshotJson: JSON.stringify(snap), questionCount: 3, maxScore: 3, startedAt: T0 } });
    await db.quizAnswer.createMany({
      data: [
        { attemptId: "b1", questionId: "q-twice", position: 0, responseJson: "null", correct: true, partial: 1, answeredAt: at(5) },
        { attemptId: "b1", questionId: "q-two", position: 1, responseJson: "null", correct: false, partial: 0, answeredAt: at(4) },
        { attemptId: "b1", questionId: "q-other", position: 2, responseJson: "null", correct: true, partial: 1, answeredAt: at(7) },
      ],
    });

    const expected = await oracle(db, users);
    const kept = await summaryRows(db);
    expect(kept).toEqual(expected);
    // The data says what it was made to say: ties went to the incorrect answer, the concurrent answers both counted, the doubled fact once.
    const ani = kept.filter((r) => r.userId === "ani");
    expect(ani.length).toBeGreaterThan(3);
    for (const r of ani) expect(r.lastKey % 2).toBe(1);
    expect(kept.filter((r) => r.userId === "cleo").every((r) => r.answers % 2 === 0 && r.answers === r.correct)).toBe(true);
    expect(kept.find((r) => r.userId === "boris" && r.factId === facts[0])).toMatchObject({ answers: 2, correct: 1, lastKey: at(5).getTime() * 2 });
    expect(kept.find((r) => r.userId === "boris" && r.factId === facts[1])).toMatchObject({ answers: 1, correct: 0, lastKey: at(4).getTime() * 2 + 1 });

    // The migration's fill over the same answers gives the same rows.
    await db.factAnswerSummary.deleteMany();
    expect(await db.$executeRawUnsafe(fillStatement(provider, MIGRATION))).toBe(expected.length);
    expect(await summaryRows(db)).toEqual(expected);

    // The rows go with their student.
    await db.user.delete({ where: { id: "cleo" } });
    expect((await summaryRows(db)).some((r) => r.userId === "cleo")).toBe(false);
    expect(await summaryRows(db)).toEqual(expected.filter((r) => r.userId !== "cleo"));
  });
});
