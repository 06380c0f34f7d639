/**
 * The bench class on a scratch database: 200 synthetic facts with one card
 * each in one deck, a class of N students, each with a card state and a
 * review for every card and `attempts` finished quiz attempts of 10
 * questions (answers included) on the class's quiz assignment, plus one
 * review assignment. Written straight through Prisma (bench data, not a use
 * case), from a seeded PRNG so every run builds the same rows.
 */
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Viewer } from "@/lib/auth/roles";
import { seededRandom } from "../shared/seeded-random";

export const QUESTIONS = 10;
const DAY = 86_400_000;

/** The sizes of the bench class besides its student count. */
export type ClassShape = { cards: number; attempts: number; now: Date };

async function chunks<T>(rows: T[], size: number, write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Builds the bench class for `students` students; returns its teacher. */
export async function buildClass(db: Db, students: number, { cards: CARDS, attempts: ATTEMPTS, now: NOW }: ClassShape): Promise<Viewer> {
  const rand = seededRandom(42);
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
