import type { Corpus } from "../content/schema";
import { getDb, type DbTx } from "../db";
import type { Viewer } from "../auth/roles";
import { Conflict, Invalid } from "../errors";
import { assembleQuiz } from "../generate/assemble-quiz";
import { createRng } from "../generate/seeded-rng";
import type { Question } from "../generate/question";
import { effectiveTimeLimit, quizDeadline } from "../classes/time-limit";
import { effectiveMultiplier } from "../classes/time-multiplier";
import { assignmentForStudent, readQuizSettings } from "./assignments";
import { deckFactIds } from "./decks";
import { defaultCorpus } from "./default-corpus";
import { finishExpiredAttempts, startQuizAttempt } from "./quiz-attempts";
import { isAttemptTaken } from "./attempt-numbers";
import { nextAttemptNumber } from "../quiz/attempt-number";
import { hiddenFactIdsOfClass } from "./item-reports";

/**
 * The questions of a quiz assignment for one student:
 * - "fixed": one set for the whole class, drawn from the assignment's seed
 *   (the same seed and corpus give every student the same questions);
 *   with `shuffle` each student gets them in their own order (seeded by
 *   assignment seed + student id, so a retake shows the same order).
 * - "per-student": each student's own draw, seeded by assignment seed +
 *   student id (replayable); the draw is already in its own order.
 * Facts the teacher hid from the class (`hiddenFactIds`) are not asked about.
 */
export function assignmentQuestions(
  corpus: Corpus,
  input: { seed: string; userId: string; count: number; types: Question["type"][]; factIds: string[]; questionSet: "fixed" | "per-student"; shuffle: boolean; hiddenFactIds?: readonly string[] },
): Question[] {
  const studentSeed = `${input.seed}:${input.userId}`;
  const seed = input.questionSet === "fixed" ? input.seed : studentSeed;
  const { questions } = assembleQuiz(corpus, { seed, count: input.count, factIds: input.factIds, types: input.types, hiddenFactIds: [...(input.hiddenFactIds ?? [])] });
  if (input.questionSet === "fixed" && input.shuffle) return createRng(`${studentSeed}|order`).shuffle(questions);
  return questions;
}

export type StartOutcome = { href: string };

/**
 * "Start" on a student's assignment: where to go.
 *
 * - review: the deck's review session.
 * - quiz: an attempt still open (and in time) is resumed; otherwise, while attempts
 *   remain, a new attempt starts with the assignment's questions and a
 *   deadline of the time limit × the student's multiplier (none when untimed).
 *   Work after the due date is accepted (and marked late in reports).
 *
 * @throws NotFound when the student is not in the class; Conflict before it opens or when attempts are used up.
 */
export async function startAssignment(viewer: Viewer, assignmentId: string, now: Date, corpus?: Corpus, db: DbTx = getDb()): Promise<StartOutcome> {
  // A concurrent start may take the attempt number this one chose: look again (its open attempt, or "used up").
  for (let tries = 0; ; tries++) {
    const outcome = await tryStartAssignment(viewer, assignmentId, now, corpus, db);
    if (outcome || tries >= 3) return outcome ?? Promise.reject(new Conflict("Someone else started this attempt at the same moment; try again."));
  }
}

/** One go at `startAssignment`: null when a concurrent start took the attempt number. */
async function tryStartAssignment(viewer: Viewer, assignmentId: string, now: Date, corpus: Corpus | undefined, db: DbTx): Promise<StartOutcome | null> {
  const a = await assignmentForStudent(assignmentId, viewer.id, db);
  if (a.openAt.getTime() > now.getTime()) throw new Conflict("This assignment isn't open yet.");
  if (a.kind === "review") return { href: `/review/${encodeURIComponent(a.deckId)}` };

  const settings = readQuizSettings(a.settingsJson);
  // An attempt whose time ran out is finished (at its deadline), not resumed.
  await finishExpiredAttempts({ userId: viewer.id, assignmentId: a.id }, now, db);
  const attempts = await db.quizAttempt.findMany({ where: { assignmentId: a.id, userId: viewer.id }, select: { id: true, finishedAt: true, deadlineAt: true, attemptNumber: true } });
  const open = attempts.find((t) => t.finishedAt === null);
  if (open) return { href: `/quiz/${open.id}` };
  // The allowance is kept by the database: attempt n is unique per (assignment, student), n ≤ attemptsAllowed.
  const attemptNumber = nextAttemptNumber(attempts);
  if (attemptNumber > settings.attemptsAllowed) {
    throw new Conflict(`You have used all ${settings.attemptsAllowed} attempt${settings.attemptsAllowed === 1 ? "" : "s"} at this quiz.`);
  }
  const c = corpus ?? defaultCorpus();
  const factIds = await deckFactIds(a.deckId, c, db);
  if (factIds.length === 0) throw new Invalid("This deck has no facts to ask about yet.");
  const questions = assignmentQuestions(c, {
    seed: a.seed,
    userId: viewer.id,
    count: settings.questionCount,
    types: settings.types,
    factIds,
    questionSet: settings.questionSet,
    shuffle: settings.shuffle,
    hiddenFactIds: [...(await hiddenFactIdsOfClass(a.classId, db))],
  });
  if (questions.length === 0) throw new Invalid("Every fact of this quiz has been hidden from the class by the teacher: there is nothing to ask.");
  const limitMs = effectiveTimeLimit(settings.timeLimitMinutes, effectiveMultiplier(settings.timeMultipliers, a.rosterMultiplier, viewer.id));
  const started = await startQuizAttempt({
    attemptNumber,
    userId: viewer.id,
    deckId: a.deckId,
    count: settings.questionCount,
    types: settings.types,
    feedback: settings.feedback,
    seed: settings.questionSet === "fixed" ? a.seed : `${a.seed}:${viewer.id}`,
    assignmentId: a.id,
    questions,
    deadlineAt: quizDeadline(now, limitMs).endsAt,
    now,
  }, db).catch((e: unknown) => {
    if (isAttemptTaken(e)) return null;
    throw e;
  });
  return started ? { href: `/quiz/${started.attemptId}` } : null;
}
