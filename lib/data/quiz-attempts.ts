import { randomUUID } from "node:crypto";
import { getDb, type Db, type DbTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { toDate, toDateOrNull } from "./review-reads";
import { Conflict, Invalid, NotFound } from "../errors";
import { defaultCorpus } from "./default-corpus";
import type { Corpus } from "../content/schema";
import { assembleQuiz } from "../generate/assemble-quiz";
import type { Question, QuestionType } from "../generate/question";
import type { GradeResult } from "../quiz/grade";
import { makeQuizSnapshot, type QuizFeedback, type QuizSettings, type QuizSnapshot } from "../quiz/quiz-snapshot";
import { scoreAttempt, type AttemptResult } from "../quiz/score-attempt";
import { missedFactIds } from "../quiz/missed-fact-ids";
import { acceptAnswer } from "../quiz/accept-answer";
import { parseStored, storedQuizSettingsSchema, storedQuizSnapshotSchema, storedResponseSchema } from "../quiz/stored-quiz";
import { pullForwardCardsForFacts } from "./card-states";
import { deckFactIds } from "./decks";
import { ARCHIVED_CLASS_MESSAGE } from "../classes/archived-class";

/*
 * Quiz attempts: the writes and reads. The rules, relied on by the quiz
 * pages, the route handlers and the teachers' assignments (whether an
 * answer is taken is lib/quiz `acceptAnswer`; scoring lib/quiz `scoreAttempt`):
 *
 * - The snapshot (questions exactly as shown, settings, seed) is written when
 *   the attempt starts and never rewritten: later corpus or generator changes
 *   cannot change a past or running attempt, and grading always reads the
 *   snapshot, never the corpus.
 * - Questions are answered in the order shown, each once. The first answer
 *   counts (as in `firstAnswers`: with immediate feedback the student has seen
 *   the solution); a different second answer to the same question, an answer
 *   to a later question while an earlier one is open, or any new answer to a
 *   finished attempt is a Conflict and changes nothing.
 * - The same answer sent again (the reply to the first was lost on the way)
 *   gets the stored outcome back, exactly as the first time, and writes
 *   nothing: a student never loses their feedback to a dropped connection.
 * - A response the grader cannot read (wrong shape for the type, an option not
 *   offered, an ambiguous all-numeric date, a date less precise than the
 *   fact) is refused as Invalid and changes nothing, so a student is never
 *   marked wrong for a format; a blank typed answer is accepted and wrong.
 * - After `deadlineAt` answers are refused (Conflict). An attempt whose
 *   deadline has passed is finished AT the deadline, by whoever reads it
 *   first (`finishExpiredAttempts`: the student's quiz page and lists, the
 *   teacher's reports) or by the student's own "finish"; unanswered
 *   questions then count as missed.
 * - An assignment's attempt in an archived class is read-only: answering and
 *   finishing are refused (Conflict), except that an attempt whose time ran
 *   out is still closed at its deadline — that records what happened, it
 *   adds nothing new.
 * - Finishing is idempotent: the first call scores, writes score/finishedAt and
 *   pulls the cards of missed facts forward in one transaction; later calls
 *   return the stored result and write nothing.
 * - Only the owner sees an attempt: anyone else gets NotFound, never a hint
 *   that it exists.
 */

type AnyDb = Db | DbTx;

function inTransaction<T>(db: AnyDb, fn: (tx: DbTx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(fn) : fn(db);
}

const attemptSelect = {
  id: true,
  userId: true,
  deckId: true,
  assignmentId: true,
  seed: true,
  settingsJson: true,
  snapshotJson: true,
  questionCount: true,
  startedAt: true,
  deadlineAt: true,
  finishedAt: true,
  score: true,
  maxScore: true,
} as const;

const answerSelect = {
  questionId: true,
  position: true,
  responseJson: true,
  correct: true,
  partial: true,
  answeredAt: true,
} as const;

type AttemptListRow = {
  id: string;
  deckId: string;
  assignmentId: string | null;
  questionCount: unknown;
  startedAt: unknown;
  deadlineAt: unknown;
  finishedAt: unknown;
  score: unknown;
  maxScore: unknown;
  deckTitle: string | null;
  answered: unknown;
};

export type StartQuizInput = {
  userId: string;
  deckId: string;
  count: number;
  types: QuestionType[] | null;
  feedback: QuizFeedback;
  seed: string;
  assignmentId?: string | null;
  /** Which of the assignment's allowed attempts this is (1, 2, …): unique per assignment and student, so a concurrent start loses (P2002). */
  attemptNumber?: number | null;
  /** Facts to leave out of a generated quiz (practice keeps away from open assignments: lib/data/practice-start). */
  excludeFactIds?: readonly string[];
  /** A fixed set (e.g. one class-wide set for an assignment): stored as given instead of generating. */
  questions?: Question[];
  deadlineAt?: Date | null;
  now: Date;
  /** The corpus to generate from; default `content/` (tests pass their own). */
  corpus?: Corpus;
};

/**
 * Starts an attempt: generates `count` questions (capped to what the deck
 * can hold) over the deck's current facts with `assembleQuiz` and the given
 * seed, or takes `questions` as they are, and stores the snapshot.
 * NotFound for an unknown deck; Invalid when no question can be made (no
 * facts, or none of the chosen types fits the deck).
 */
export async function startQuizAttempt(input: StartQuizInput, db: AnyDb = getDb()): Promise<{ attemptId: string }> {
  const deck = await db.deck.findUnique({ where: { id: input.deckId }, select: { id: true } });
  if (!deck) throw new NotFound("There is no such deck.");

  let questions = input.questions;
  if (!questions) {
    const c = input.corpus ?? defaultCorpus();
    const excluded = new Set(input.excludeFactIds ?? []);
    const factIds = (await deckFactIds(input.deckId, c, db)).filter((id) => !excluded.has(id));
    if (factIds.length === 0) throw new Invalid("This deck has no facts to ask about yet.", { deckId: "This deck has no facts to ask about yet." });
    questions = assembleQuiz(c, { seed: input.seed, count: input.count, factIds, ...(input.types ? { types: input.types } : {}) }).questions;
  }
  if (questions.length === 0) {
    const msg = "No question of the chosen types can be made from this deck. Choose more types.";
    throw new Invalid(msg, { types: msg });
  }

  const settings: QuizSettings = { count: input.count, types: input.types, feedback: input.feedback };
  const snapshot = makeQuizSnapshot({ seed: input.seed, settings, questions });
  const id = randomUUID();
  await db.quizAttempt.create({
    data: {
      id,
      userId: input.userId,
      deckId: input.deckId,
      assignmentId: input.assignmentId ?? null,
      attemptNumber: input.attemptNumber ?? null,
      seed: input.seed,
      settingsJson: JSON.stringify(settings),
      snapshotJson: JSON.stringify(snapshot),
      questionCount: snapshot.questions.length,
      startedAt: input.now,
      deadlineAt: input.deadlineAt ?? null,
      maxScore: snapshot.questions.length,
    },
    select: { id: true },
  });
  return { attemptId: id };
}

/** One stored answer, as read back. */
export type StoredAnswer = { questionId: string; position: number; response: unknown; correct: boolean; partial: number; answeredAt: Date };

/** An attempt with its snapshot and answers (in the order given). */
export type AttemptView = {
  id: string;
  userId: string;
  deckId: string;
  deckTitle: string | null;
  assignmentId: string | null;
  seed: string;
  settings: QuizSettings;
  snapshot: QuizSnapshot;
  startedAt: Date;
  deadlineAt: Date | null;
  finishedAt: Date | null;
  score: number | null;
  maxScore: number;
  answers: StoredAnswer[];
  /** An assignment's attempt whose class is archived: read-only. */
  classArchived: boolean;
};

/** The user's attempt, or NotFound — also when it exists but belongs to someone else. */
export async function getAttemptForUser(attemptId: string, userId: string, db: AnyDb = getDb()): Promise<AttemptView> {
  const row = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId },
    select: { ...attemptSelect, answers: { select: answerSelect, orderBy: { position: "asc" } } },
  });
  if (!row) throw new NotFound("There is no such quiz attempt.");
  const deck = await db.deck.findUnique({ where: { id: row.deckId }, select: { title: true } });
  const classArchived = await isClassArchived(row.assignmentId, db);
  return {
    id: row.id,
    userId: row.userId,
    deckId: row.deckId,
    deckTitle: deck?.title ?? null,
    assignmentId: row.assignmentId,
    seed: row.seed,
    settings: parseStored(storedQuizSettingsSchema, row.settingsJson),
    snapshot: parseStored(storedQuizSnapshotSchema, row.snapshotJson),
    startedAt: row.startedAt,
    deadlineAt: row.deadlineAt,
    finishedAt: row.finishedAt,
    score: row.score,
    maxScore: row.maxScore,
    answers: row.answers.map((a) => ({
      questionId: a.questionId,
      position: a.position,
      response: parseStored(storedResponseSchema, a.responseJson),
      correct: a.correct,
      partial: a.partial,
      answeredAt: a.answeredAt,
    })),
    classArchived,
  };
}

/**
 * The attempt as its owner opens it at `now`: an attempt whose deadline has
 * passed is first finished at the deadline (`finishExpiredAttempts`).
 */
export async function openAttempt(attemptId: string, userId: string, now: Date, db: AnyDb = getDb()): Promise<AttemptView> {
  await finishExpiredAttempts({ attemptId, userId }, now, db);
  return getAttemptForUser(attemptId, userId, db);
}

/** Whether an assignment attempt's class is archived (practice quizzes, and attempts of deleted assignments, never are). */
async function isClassArchived(assignmentId: string | null, db: AnyDb): Promise<boolean> {
  if (!assignmentId) return false;
  const a = await db.assignment.findUnique({ where: { id: assignmentId }, select: { classroom: { select: { archivedAt: true } } } });
  return Boolean(a?.classroom.archivedAt);
}

export type RecordedAnswer = {
  question: Question;
  index: number;
  grade: GradeResult;
  feedback: QuizFeedback;
  /** Questions still without an answer after this one. */
  remaining: number;
  /** True when this was the same answer sent again: the stored outcome, nothing written. */
  replayed: boolean;
};

/**
 * Records the first answer to the next open question, graded against the
 * snapshot (see the rules at the top of this file). The same response sent
 * again for an answered question returns the stored outcome (`replayed`).
 * NotFound when the attempt is not the user's; Invalid for a question id not
 * in the snapshot or an unreadable response; Conflict when the class is
 * archived, the attempt finished or past its deadline, the question answered
 * already with another response, or not the next open question.
 */
export type AnswerInput = { attemptId: string; userId: string; questionId: string; response: unknown; now: Date };

export async function recordAnswer(input: AnswerInput, db: AnyDb = getDb()): Promise<RecordedAnswer> {
  return inTransaction(db, async (tx) => {
    // Lock the attempt row first (a no-op update) so answers and finish on the
    // same attempt run one after the other on PostgreSQL, not interleaved.
    const locked = await tx.quizAttempt.updateMany({ where: { id: input.attemptId, userId: input.userId }, data: { userId: input.userId } });
    if (locked.count === 0) throw new NotFound("There is no such quiz attempt.");
    const row = await tx.quizAttempt.findUniqueOrThrow({
      where: { id: input.attemptId },
      select: {
        snapshotJson: true,
        settingsJson: true,
        finishedAt: true,
        deadlineAt: true,
        assignmentId: true,
        answers: { select: { questionId: true, position: true, responseJson: true } },
      },
    });
    const snapshot = parseStored(storedQuizSnapshotSchema, row.snapshotJson);
    const { feedback } = parseStored(storedQuizSettingsSchema, row.settingsJson);
    const decision = acceptAnswer(
      {
        snapshot,
        answers: row.answers.map((a) => ({ questionId: a.questionId, position: a.position, response: parseStored(storedResponseSchema, a.responseJson) })),
        finishedAt: row.finishedAt,
        deadlineAt: row.deadlineAt,
        classArchived: await isClassArchived(row.assignmentId, tx),
      },
      input.questionId,
      input.response,
      input.now,
    );
    const { question, index, grade, remaining } = decision;
    if (decision.kind === "replay") return { question, index, grade, feedback, remaining, replayed: true };
    await tx.quizAnswer.create({
      data: {
        attemptId: input.attemptId,
        questionId: question.id,
        position: index,
        responseJson: JSON.stringify(decision.response),
        correct: grade.correct,
        partial: decision.partial,
        answeredAt: input.now,
      },
      select: { questionId: true },
    });
    return { question, index, grade, feedback, remaining, replayed: false };
  });
}

export type FinishedAttempt = { result: AttemptResult; finishedAt: Date; alreadyFinished: boolean; pulledForward: number };

/**
 * Finishes an attempt: scores it with `scoreAttempt` over the stored answers,
 * writes score and finishedAt, and makes the cards of missed facts due now
 * (`pullForwardCardsForFacts`), all in one transaction. After the deadline
 * the attempt is finished at the deadline. Idempotent: a finished attempt
 * returns its stored result and writes nothing. NotFound when the attempt
 * is not the user's; Conflict for an open attempt in an archived class
 * (unless its time has run out).
 */
export type FinishInput = { attemptId: string; userId: string; now: Date };

export async function finishAttempt(input: FinishInput, db: AnyDb = getDb()): Promise<FinishedAttempt> {
  return inTransaction(db, (tx) => finishInTx(input, { refuseArchived: true }, tx));
}

async function finishInTx(input: FinishInput, opts: { refuseArchived: boolean }, tx: DbTx): Promise<FinishedAttempt> {
  const row = await tx.quizAttempt.findFirst({
    where: { id: input.attemptId, userId: input.userId },
    select: { snapshotJson: true, finishedAt: true, deadlineAt: true, assignmentId: true, answers: { select: answerSelect } },
  });
  if (!row) throw new NotFound("There is no such quiz attempt.");
  const snapshot = parseStored(storedQuizSnapshotSchema, row.snapshotJson);
  const result = scoreAttempt(
    snapshot,
    row.answers.map((a) => ({ questionId: a.questionId, response: parseStored(storedResponseSchema, a.responseJson), answeredAt: a.answeredAt })),
  );
  if (row.finishedAt) return { result, finishedAt: row.finishedAt, alreadyFinished: true, pulledForward: 0 };
  const expired = row.deadlineAt !== null && row.deadlineAt.getTime() < input.now.getTime();
  if (opts.refuseArchived && !expired && (await isClassArchived(row.assignmentId, tx))) throw new Conflict(ARCHIVED_CLASS_MESSAGE);
  const at = expired ? row.deadlineAt! : input.now;
  // Only the call that flips finishedAt from null writes; a concurrent second call finds it set.
  const flipped = await tx.quizAttempt.updateMany({
    where: { id: input.attemptId, userId: input.userId, finishedAt: null },
    data: { finishedAt: at, score: result.score },
  });
  if (flipped.count === 0) {
    const done = await tx.quizAttempt.findUniqueOrThrow({ where: { id: input.attemptId }, select: { finishedAt: true } });
    return { result, finishedAt: done.finishedAt ?? at, alreadyFinished: true, pulledForward: 0 };
  }
  const pulledForward = await pullForwardCardsForFacts({ userId: input.userId, factIds: missedFactIds(result, snapshot), now: input.now }, tx);
  return { result, finishedAt: at, alreadyFinished: false, pulledForward };
}

/** Which open attempts `finishExpiredAttempts` looks at: any combination narrows it. */
export type ExpiredScope = { attemptId?: string; userId?: string; userIds?: readonly string[]; assignmentId?: string; assignmentIds?: readonly string[] };

/**
 * Finishes, at their deadlines, the open attempts in `scope` whose deadline
 * is before `now`, scoring what was answered in time (answers after the
 * deadline are never stored): one read, then — only when some ran out — one
 * transaction finishing them all, by the same code as a student's "finish",
 * so a race with that finish (or with another caller) writes once. Returns
 * how many this call finished. Callers run it as its own step before the
 * reads that need it (pages, lists, reports), never inside a read.
 */
export async function finishExpiredAttempts(scope: ExpiredScope, now: Date, db: AnyDb = getDb()): Promise<number> {
  const expired = await expiredAttemptsIn(scope, now, db);
  if (expired.length === 0) return 0;
  return inTransaction(db, async (tx) => {
    let finished = 0;
    for (const t of expired) {
      const r = await finishInTx({ attemptId: t.id, userId: t.userId, now }, { refuseArchived: false }, tx);
      if (!r.alreadyFinished) finished++;
    }
    return finished;
  });
}

/**
 * The open attempts in `scope` past their deadline: one raw statement (every
 * dashboard and quiz page asks, and nearly always finds none; a model query
 * would be compiled afresh each time). An empty id list matches nothing.
 */
async function expiredAttemptsIn(scope: ExpiredScope, now: Date, db: AnyDb): Promise<{ id: string; userId: string }[]> {
  const among = (column: string, one: string | undefined, many: readonly string[] | undefined) =>
    one !== undefined ? Prisma.sql` AND ${Prisma.raw(column)} = ${one}` : many ? (many.length ? Prisma.sql` AND ${Prisma.raw(column)} IN (${Prisma.join([...many])})` : Prisma.sql` AND 1 = 0`) : Prisma.empty;
  return db.$queryRaw<{ id: string; userId: string }[]>`
    SELECT a."id", a."userId" FROM "QuizAttempt" a
    WHERE a."finishedAt" IS NULL AND a."deadlineAt" < ${now}${among('a."id"', scope.attemptId, undefined)}${among('a."assignmentId"', scope.assignmentId, scope.assignmentIds)}${among('a."userId"', scope.userId, scope.userIds)}`;
}

/** A user's attempts, newest first, with the deck's title and how many questions were answered. */
export async function listAttempts(userId: string, db: AnyDb = getDb()) {
  // One raw statement with the deck's title and the answer count (the quizzes page reads it on every visit).
  const rows = await db.$queryRaw<AttemptListRow[]>`
    SELECT a."id", a."deckId", a."assignmentId", a."questionCount", a."startedAt", a."deadlineAt", a."finishedAt", a."score", a."maxScore",
      d."title" AS "deckTitle", (SELECT COUNT(*) FROM "QuizAnswer" q WHERE q."attemptId" = a."id") AS "answered"
    FROM "QuizAttempt" a LEFT JOIN "Deck" d ON d."id" = a."deckId"
    WHERE a."userId" = ${userId}
    ORDER BY a."startedAt" DESC, a."id" ASC`;
  return rows.map((r) => ({
    id: r.id,
    deckId: r.deckId,
    assignmentId: r.assignmentId,
    questionCount: Number(r.questionCount),
    startedAt: toDate(r.startedAt),
    deadlineAt: toDateOrNull(r.deadlineAt),
    finishedAt: toDateOrNull(r.finishedAt),
    score: r.score === null ? null : Number(r.score),
    maxScore: Number(r.maxScore),
    deckTitle: r.deckTitle ?? r.deckId,
    answered: Number(r.answered),
  }));
}

/** The feedback mode a student chose in their settings (default "immediate"). */
export async function defaultQuizFeedback(userId: string, db: AnyDb = getDb()): Promise<QuizFeedback> {
  const row = await db.studySettings.findUnique({ where: { userId }, select: { quizFeedback: true } });
  return row?.quizFeedback === "end" ? "end" : "immediate";
}
