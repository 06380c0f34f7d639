import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadDecks } from "../../lib/content/decks";
import { loadValidCorpus } from "../../lib/content/load";
import type { Corpus } from "../../lib/content/schema";
import type { Db } from "../../lib/db";
import { finishAttempt, finishExpiredAttempts, getAttemptForUser, listAttempts, openAttempt, recordAnswer, startQuizAttempt, type StartQuizInput } from "../../lib/data/quiz-attempts";
import { seedCorpus, type SeedInput } from "../../lib/data/seed-corpus";
import { Conflict, Invalid, NotFound } from "../../lib/errors";
import { generateCards } from "../../lib/generate/cards";
import type { Question } from "../../lib/generate/question";
import { nextUnansweredIndex } from "../../lib/quiz/next-unanswered-index";
import { rightAnswer, wrongAnswer } from "./helpers/quiz-responses";
import { availableProviders, testDb, type TestDb } from "./helpers/test-db";

const T0 = new Date("2025-03-01T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let real: SeedInput;
beforeAll(() => {
  const corpus = loadValidCorpus("content");
  real = { corpus, cards: generateCards(corpus), decks: loadDecks("content") };
});

async function makeStudent(db: Db, name: string) {
  const id = `u-${name}`;
  await db.user.create({ data: { id, name, email: `${name}@example.test`, role: "student" } });
  return id;
}

async function expectThrows(p: Promise<unknown>, type: new (...a: never[]) => Error, message?: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(type);
  if (message) expect((e as Error).message).toMatch(message);
}

async function answerRows(db: Db, attemptId: string) {
  return db.quizAnswer.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
}

describe.each(availableProviders())("quiz attempts on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  async function setup() {
    t = await testDb(provider);
    await seedCorpus(real, t.db);
    const ani = await makeStudent(t.db, "ani");
    const boris = await makeStudent(t.db, "boris");
    return { db: t.db, ani, boris };
  }

  const start = (db: Db, userId: string, extra: Partial<StartQuizInput> = {}) =>
    startQuizAttempt({ userId, deckId: "everything", count: 8, types: null, feedback: "immediate", seed: "it-seed-1", now: T0, ...extra }, db);

  it("stores the snapshot; a later corpus change (a fact removed and re-seeded) leaves the attempt's questions as shown", async () => {
    const { db, ani } = await setup();
    const { attemptId } = await start(db, ani);
    const before = await getAttemptForUser(attemptId, ani, db);
    expect(before.snapshot.questions).toHaveLength(8);
    expect(before.snapshot.seed).toBe("it-seed-1");
    expect(before.settings).toEqual({ count: 8, types: null, feedback: "immediate" });
    expect(before.maxScore).toBe(8);
    const stored = (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).snapshotJson;

    // Remove the facts behind the first question and reword another one, then re-seed.
    const gone = new Set(before.snapshot.questions[0]!.factIds);
    const reworded = before.snapshot.questions[1]!.factIds[0]!;
    const corpus: Corpus = structuredClone(real.corpus);
    corpus.facts = corpus.facts.filter((f) => !gone.has(f.id)).map((f) => (f.id === reworded ? { ...f, statement: `${f.statement} (reworded)`, label: `${f.label} (reworded)` } : f));
    const report = await seedCorpus({ corpus, cards: generateCards(corpus), decks: real.decks }, db);
    expect(report.retired.facts).toBe(gone.size);
    expect((await db.fact.findUniqueOrThrow({ where: { id: reworded } })).statement).toMatch(/\(reworded\)$/);

    const after = await getAttemptForUser(attemptId, ani, db);
    expect(after.snapshot).toEqual(before.snapshot);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).snapshotJson).toBe(stored);
    // Grading reads the snapshot: the removed fact's question is still answerable and right.
    const q0 = after.snapshot.questions[0]!;
    const r = await recordAnswer({ attemptId, userId: ani, questionId: q0.id, response: rightAnswer(q0), now: at(1) }, db);
    expect(r.grade.correct).toBe(true);

    // A new attempt with the same seed over the edited corpus is generated afresh and differs.
    const fresh = await start(db, ani, { corpus });
    const freshView = await getAttemptForUser(fresh.attemptId, ani, db);
    expect(freshView.snapshot.questions.map((q) => q.id)).not.toEqual(before.snapshot.questions.map((q) => q.id));
  });

  it("resumes: answers persist across reads and the next unanswered question is where to go on", async () => {
    const { db, ani } = await setup();
    const { attemptId } = await start(db, ani);
    const { snapshot } = await getAttemptForUser(attemptId, ani, db);
    const [q0, q1] = snapshot.questions as [Question, Question];
    const r0 = await recordAnswer({ attemptId, userId: ani, questionId: q0.id, response: rightAnswer(q0), now: at(1) }, db);
    expect(r0).toMatchObject({ index: 0, feedback: "immediate", remaining: 7, grade: { correct: true } });
    const r1 = await recordAnswer({ attemptId, userId: ani, questionId: q1.id, response: wrongAnswer(q1), now: at(2) }, db);
    expect(r1.grade.correct).toBe(false);
    expect(r1.remaining).toBe(6);

    const view = await getAttemptForUser(attemptId, ani, db);
    expect(view.finishedAt).toBeNull();
    expect(view.answers.map((a) => [a.questionId, a.position, a.correct, a.answeredAt.toISOString()])).toEqual([
      [q0.id, 0, true, at(1).toISOString()],
      [q1.id, 1, false, at(2).toISOString()],
    ]);
    expect(view.answers[0]!.response).toEqual(rightAnswer(q0));
    expect(nextUnansweredIndex(view.snapshot, view.answers)).toBe(2);
  });

  it("refuses a second answer, an out-of-order answer, an unknown question and an unreadable response, changing nothing", async () => {
    const { db, ani } = await setup();
    const { attemptId } = await start(db, ani, { types: ["multiple-choice", "typed-date", "matching", "timeline"] });
    const { snapshot } = await getAttemptForUser(attemptId, ani, db);
    const [q0, q1, q2] = snapshot.questions as [Question, Question, Question];
    await recordAnswer({ attemptId, userId: ani, questionId: q0.id, response: wrongAnswer(q0), now: at(1) }, db);
    const rows = await answerRows(db, attemptId);

    await expectThrows(recordAnswer({ attemptId, userId: ani, questionId: q0.id, response: rightAnswer(q0), now: at(2) }, db), Conflict, /already answered/);
    await expectThrows(recordAnswer({ attemptId, userId: ani, questionId: q2.id, response: rightAnswer(q2), now: at(2) }, db), Conflict, /Answer question 2 first/);
    await expectThrows(recordAnswer({ attemptId, userId: ani, questionId: "q-nope", response: "x", now: at(2) }, db), Invalid, /not part of this quiz/);
    const malformed = q1.type === "multiple-choice" ? "not an offered option" : q1.type === "typed-date" ? "9/11/2020" : [{ left: "x", right: "y" }];
    await expectThrows(recordAnswer({ attemptId, userId: ani, questionId: q1.id, response: malformed, now: at(2) }, db), Invalid, /could not be read|Match/);
    expect(await answerRows(db, attemptId)).toEqual(rows);
  });

  it("another student's attempt is NotFound for reading, answering and finishing, and nothing changes", async () => {
    const { db, ani, boris } = await setup();
    const { attemptId } = await start(db, ani);
    const q0 = (await getAttemptForUser(attemptId, ani, db)).snapshot.questions[0]!;
    await expectThrows(getAttemptForUser(attemptId, boris, db), NotFound);
    await expectThrows(recordAnswer({ attemptId, userId: boris, questionId: q0.id, response: rightAnswer(q0), now: at(1) }, db), NotFound);
    await expectThrows(finishAttempt({ attemptId, userId: boris, now: at(1) }, db), NotFound);
    await expectThrows(getAttemptForUser("no-such-attempt", ani, db), NotFound);
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row.finishedAt).toBeNull();
    expect(await answerRows(db, attemptId)).toEqual([]);
    expect(await listAttempts(boris, db)).toEqual([]);
  });

  it("finish scores once, pulls the missed facts' cards forward in the same write, and is idempotent; answers after it are refused", async () => {
    const { db, ani } = await setup();
    const { attemptId } = await start(db, ani, { count: 6, types: ["multiple-choice", "true-false", "short-answer"] });
    const { snapshot } = await getAttemptForUser(attemptId, ani, db);
    const qs = snapshot.questions;
    // Right, wrong, right, wrong; the last two left unanswered.
    for (const [i, q] of qs.slice(0, 4).entries()) {
      await recordAnswer({ attemptId, userId: ani, questionId: q.id, response: i % 2 === 0 ? rightAnswer(q) : wrongAnswer(q), now: at(i + 1) }, db);
    }
    const missedFacts = [...new Set([qs[1]!, qs[3]!, qs[4]!, qs[5]!].flatMap((q) => q.factIds))];
    const keptFacts = [...new Set([qs[0]!, qs[2]!].flatMap((q) => q.factIds))].filter((f) => !missedFacts.includes(f));
    const missedCards = await db.card.findMany({ where: { factId: { in: missedFacts }, retired: false }, select: { id: true, factId: true } });
    expect(missedCards.length).toBeGreaterThan(0);
    // Never studied: each missed fact comes in through one of its cards (lib/data/card-states `pullForwardCardsForFacts`).
    const missedWithCards = new Set(missedCards.map((c) => c.factId));

    const done = await finishAttempt({ attemptId, userId: ani, now: at(10) }, db);
    expect(done.alreadyFinished).toBe(false);
    expect(done.result).toMatchObject({ score: 2, maxScore: 6, percent: 33, answered: 4 });
    expect(done.pulledForward).toBe(missedWithCards.size);
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row.score).toBe(2);
    expect(row.finishedAt?.toISOString()).toBe(at(10).toISOString());

    const states = await db.cardState.findMany({ where: { userId: ani }, orderBy: { cardId: "asc" } });
    const factOfCard = new Map(missedCards.map((c) => [c.id, c.factId]));
    expect(states.map((s) => factOfCard.get(s.cardId)).sort()).toEqual([...missedWithCards].sort());
    expect(states.every((s) => s.due.getTime() <= at(10).getTime())).toBe(true);
    const keptCards = await db.card.findMany({ where: { factId: { in: keptFacts } }, select: { id: true } });
    expect(states.some((s) => keptCards.some((c) => c.id === s.cardId))).toBe(false);

    const again = await finishAttempt({ attemptId, userId: ani, now: at(20) }, db);
    expect(again.alreadyFinished).toBe(true);
    expect(again.result).toEqual(done.result);
    expect(again.finishedAt.toISOString()).toBe(at(10).toISOString());
    expect(await db.cardState.findMany({ where: { userId: ani }, orderBy: { cardId: "asc" } })).toEqual(states);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).finishedAt?.toISOString()).toBe(at(10).toISOString());

    const rows = await answerRows(db, attemptId);
    await expectThrows(recordAnswer({ attemptId, userId: ani, questionId: qs[4]!.id, response: rightAnswer(qs[4]!), now: at(21) }, db), Conflict, /finished/);
    expect(await answerRows(db, attemptId)).toEqual(rows);

    const list = await listAttempts(ani, db);
    expect(list).toEqual([expect.objectContaining({ id: attemptId, deckTitle: "Everything", score: 2, maxScore: 6, answered: 4 })]);
    // Every field as the model read of the row gives it (the list is one raw statement).
    const { id, deckId, assignmentId, questionCount, startedAt, deadlineAt, finishedAt, score, maxScore } = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(list).toEqual([{ id, deckId, assignmentId, questionCount, startedAt, deadlineAt, finishedAt, score, maxScore, deckTitle: "Everything", answered: 4 }]);
  });

  it("concurrent duplicate answers and finishes: one wins, the other is refused or sees it finished; nothing is written twice", async () => {
    const { db, ani } = await setup();
    const { attemptId } = await start(db, ani, { count: 3, types: ["multiple-choice"] });
    const q0 = (await getAttemptForUser(attemptId, ani, db)).snapshot.questions[0]!;
    const answers = await Promise.allSettled([
      recordAnswer({ attemptId, userId: ani, questionId: q0.id, response: rightAnswer(q0), now: at(1) }, db),
      recordAnswer({ attemptId, userId: ani, questionId: q0.id, response: wrongAnswer(q0), now: at(1) }, db),
    ]);
    expect(answers.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = answers.find((r) => r.status === "rejected");
    expect(lost?.reason).toBeInstanceOf(Conflict);
    expect(await answerRows(db, attemptId)).toHaveLength(1);

    const finishes = await Promise.all([finishAttempt({ attemptId, userId: ani, now: at(2) }, db), finishAttempt({ attemptId, userId: ani, now: at(3) }, db)]);
    expect(finishes.filter((f) => !f.alreadyFinished)).toHaveLength(1);
    expect(finishes[0].result).toEqual(finishes[1].result);
    const states = await db.cardState.findMany({ where: { userId: ani } });
    expect(states.every((s) => s.version === 1)).toBe(true);
  });

  it("refuses answers after the deadline, and a late finish is dated at the deadline", async () => {
    const { db, ani } = await setup();
    const { attemptId } = await start(db, ani, { count: 3, deadlineAt: at(5) });
    const q0 = (await getAttemptForUser(attemptId, ani, db)).snapshot.questions[0]!;
    await expectThrows(recordAnswer({ attemptId, userId: ani, questionId: q0.id, response: rightAnswer(q0), now: at(6) }, db), Conflict, /Time is up/);
    expect(await answerRows(db, attemptId)).toEqual([]);
    await recordAnswer({ attemptId, userId: ani, questionId: q0.id, response: rightAnswer(q0), now: at(5) }, db);
    const done = await finishAttempt({ attemptId, userId: ani, now: at(7) }, db);
    expect(done.result).toMatchObject({ score: 1, maxScore: 3, answered: 1 });
    expect(done.finishedAt.toISOString()).toBe(at(5).toISOString());
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).finishedAt?.toISOString()).toBe(at(5).toISOString());
  });

  it("finishes attempts whose time ran out at their deadline, lazily, once, and only those", async () => {
    const { db, ani, boris } = await setup();
    const expired = await start(db, ani, { count: 4, deadlineAt: at(10) });
    const running = await start(db, ani, { count: 4, deadlineAt: at(60), seed: "it-seed-2" });
    const untimed = await start(db, ani, { count: 4, seed: "it-seed-3" });
    const other = await start(db, boris, { count: 4, deadlineAt: at(10) });
    const qs = (await getAttemptForUser(expired.attemptId, ani, db)).snapshot.questions;
    await recordAnswer({ attemptId: expired.attemptId, userId: ani, questionId: qs[0]!.id, response: rightAnswer(qs[0]!), now: at(1) }, db);
    await recordAnswer({ attemptId: expired.attemptId, userId: ani, questionId: qs[1]!.id, response: wrongAnswer(qs[1]!), now: at(2) }, db);
    await recordAnswer({ attemptId: expired.attemptId, userId: ani, questionId: qs[2]!.id, response: rightAnswer(qs[2]!), now: at(9) }, db);

    // At the deadline itself nothing is finished yet.
    expect(await finishExpiredAttempts({ userId: ani }, at(10), db)).toBe(0);
    expect(await finishExpiredAttempts({ userId: ani }, at(30), db)).toBe(1);
    const rows = await db.quizAttempt.findMany({ where: { userId: ani }, select: { id: true, finishedAt: true, score: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(expired.attemptId)).toMatchObject({ finishedAt: at(10), score: 2 });
    expect(byId.get(running.attemptId)).toMatchObject({ finishedAt: null, score: null });
    expect(byId.get(untimed.attemptId)).toMatchObject({ finishedAt: null, score: null });
    // Scoped to ani: boris's expired attempt waits for its own reader — here, boris opening it.
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: other.attemptId } })).finishedAt).toBeNull();
    const opened = await openAttempt(other.attemptId, boris, at(30), db);
    expect(opened).toMatchObject({ finishedAt: at(10), score: 0 });
    // The missed facts come forward, as with a finish the student presses.
    const missed = [...new Set([qs[1]!, qs[3]!].flatMap((q) => q.factIds))];
    const missedCards = await db.card.findMany({ where: { factId: { in: missed } }, select: { id: true } });
    expect(await db.cardState.count({ where: { userId: ani, cardId: { in: missedCards.map((c) => c.id) } } })).toBeGreaterThan(0);
    // Empty lists and other students' scopes finish nothing of ani's (the running one has run out by now).
    expect(await finishExpiredAttempts({ userIds: [] }, at(90), db)).toBe(0);
    expect(await finishExpiredAttempts({ assignmentIds: [] }, at(90), db)).toBe(0);
    expect(await finishExpiredAttempts({ userIds: [boris] }, at(90), db)).toBe(0);
    expect(await finishExpiredAttempts({ attemptId: running.attemptId, userId: boris }, at(90), db)).toBe(0);
    // Again: nothing more to do, nothing rewritten.
    expect(await finishExpiredAttempts({ userIds: [boris, ani] }, at(90), db)).toBe(1); // the 60-minute one has run out now
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: expired.attemptId } })).finishedAt?.toISOString()).toBe(at(10).toISOString());
    expect(await finishExpiredAttempts({ userId: ani }, at(120), db)).toBe(0);
    // Someone else opening ani's attempt finds nothing and finishes nothing.
    await expectThrows(openAttempt(untimed.attemptId, boris, at(120), db), NotFound);
  });

  it("answers a resent identical answer with the stored outcome, writing nothing; a different one stays a conflict", async () => {
    const { db, ani } = await setup();
    const { attemptId } = await start(db, ani, { count: 4, types: ["multiple-choice", "timeline", "matching", "short-answer"] });
    const qs = (await getAttemptForUser(attemptId, ani, db)).snapshot.questions;
    const r0 = await recordAnswer({ attemptId, userId: ani, questionId: qs[0]!.id, response: wrongAnswer(qs[0]!), now: at(1) }, db);
    const r1 = await recordAnswer({ attemptId, userId: ani, questionId: qs[1]!.id, response: rightAnswer(qs[1]!), now: at(2) }, db);
    expect(r0.replayed).toBe(false);
    const rows = await answerRows(db, attemptId);

    // The first reply was lost: the same answer again, even after the next one, gets the same outcome.
    const again0 = await recordAnswer({ attemptId, userId: ani, questionId: qs[0]!.id, response: wrongAnswer(qs[0]!), now: at(3) }, db);
    expect(again0).toEqual({ ...r0, replayed: true });
    const again1 = await recordAnswer({ attemptId, userId: ani, questionId: qs[1]!.id, response: structuredClone(rightAnswer(qs[1]!)), now: at(3) }, db);
    expect(again1).toEqual({ ...r1, replayed: true });
    expect(await answerRows(db, attemptId)).toEqual(rows);

    // A different response to an answered question: 409, the first answer counts.
    await expectThrows(recordAnswer({ attemptId, userId: ani, questionId: qs[0]!.id, response: rightAnswer(qs[0]!), now: at(3) }, db), Conflict, /already answered/);
    // Still the same after finishing (nothing is written), and new answers are refused.
    await finishAttempt({ attemptId, userId: ani, now: at(4) }, db);
    expect(await recordAnswer({ attemptId, userId: ani, questionId: qs[1]!.id, response: rightAnswer(qs[1]!), now: at(5) }, db)).toEqual({ ...r1, replayed: true });
    await expectThrows(recordAnswer({ attemptId, userId: ani, questionId: qs[2]!.id, response: rightAnswer(qs[2]!), now: at(5) }, db), Conflict, /finished/);
    expect(await answerRows(db, attemptId)).toEqual(rows);
    // Another student resending the same body learns nothing.
    const boris = await makeStudent(db, "boris2");
    await expectThrows(recordAnswer({ attemptId, userId: boris, questionId: qs[0]!.id, response: wrongAnswer(qs[0]!), now: at(5) }, db), NotFound);
  });

  it("takes a fixed question set inside a caller's transaction (as assignments do) and rejects an unknown deck or an impossible type mix", async () => {
    const { db, ani, boris } = await setup();
    const { attemptId: first } = await start(db, ani, { count: 4 });
    const fixed = (await getAttemptForUser(first, ani, db)).snapshot.questions;
    const { attemptId } = await db.$transaction((tx) =>
      startQuizAttempt({ userId: boris, deckId: "everything", count: 4, types: null, feedback: "end", seed: "class-set", questions: fixed, assignmentId: null, now: T0 }, tx),
    );
    const view = await getAttemptForUser(attemptId, boris, db);
    expect(view.snapshot.questions).toEqual(fixed);
    expect(view.settings.feedback).toBe("end");
    const r = await db.$transaction((tx) => recordAnswer({ attemptId, userId: boris, questionId: fixed[0]!.id, response: rightAnswer(fixed[0]!), now: at(1) }, tx));
    expect(r).toMatchObject({ feedback: "end", grade: { correct: true } });

    await expectThrows(start(db, ani, { deckId: "no-such-deck" }), NotFound);
    await db.deck.create({ data: { id: "empty", title: "Empty", description: "Nothing in it yet.", position: 99, contentHash: "x" } });
    await expectThrows(start(db, ani, { deckId: "empty" }), Invalid, /no facts/);
  });
});
