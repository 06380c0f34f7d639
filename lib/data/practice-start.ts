import { getDb, type Db } from "../db";
import { Invalid, RateLimited } from "../errors";
import type { Corpus } from "../content/schema";
import { parseStored, storedQuizSnapshotSchema } from "../quiz/stored-quiz";
import { studyDay } from "../srs/study-day";
import { ACTIVE_MEMBER } from "./classes";
import { readQuizSettings } from "./assignments";
import { deckFactIds } from "./decks";
import { defaultCorpus } from "./default-corpus";
import { assignmentQuestions } from "./assignment-start";
import { returnSlot, takeSlot } from "./limits";
import { startQuizAttempt, type StartQuizInput } from "./quiz-attempts";
import { getSrsParams } from "./study-settings";
import { envInt } from "../env-int";

/*
 * Practice quizzes next to assigned ones (exam integrity):
 * - While a quiz assignment is open for a student (opened, in a class they
 *   are in, and they may still start or finish an attempt at it), practice
 *   never asks about the facts of that student's questions in it: a practice
 *   quiz with immediate feedback would otherwise show the answers of an
 *   assignment whose feedback comes at the end.
 * - A student starts at most `PRACTICE_QUOTA.max` practice quizzes per study
 *   day (their time zone and day-start hour), counted atomically
 *   (lib/data/limits): each attempt stores its whole snapshot, so unlimited
 *   starts are unlimited storage.
 */
export const PRACTICE_QUOTA = { max: envInt("FACTDECK_PRACTICE_PER_DAY", 40, 1), windowSeconds: 26 * 60 * 60 } as const;

/** The facts the student's open quiz assignments ask them about (their own questions in each). */
export async function heldBackFactIds(userId: string, now: Date, corpus: Corpus, db: Db = getDb()): Promise<Set<string>> {
  const held = new Set<string>();
  const assignments = await db.assignment.findMany({
    where: { kind: "quiz", openAt: { lte: now }, classroom: { archivedAt: null, members: { some: { userId, ...ACTIVE_MEMBER } } } },
    select: { id: true, deckId: true, seed: true, settingsJson: true },
  });
  if (assignments.length === 0) return held;
  const attempts = await db.quizAttempt.findMany({
    where: { userId, assignmentId: { in: assignments.map((a) => a.id) } },
    select: { assignmentId: true, finishedAt: true, snapshotJson: true },
  });
  for (const a of assignments) {
    const settings = readQuizSettings(a.settingsJson);
    const mine = attempts.filter((t) => t.assignmentId === a.id);
    const open = mine.some((t) => t.finishedAt === null) || mine.length < settings.attemptsAllowed;
    if (!open) continue;
    // Questions already shown (the snapshot), and the ones a next start would show.
    for (const t of mine) for (const q of parseStored(storedQuizSnapshotSchema, t.snapshotJson).questions) for (const f of q.factIds) held.add(f);
    const next = assignmentQuestions(corpus, {
      seed: a.seed,
      userId,
      count: settings.questionCount,
      types: settings.types,
      factIds: await deckFactIds(a.deckId, corpus, db),
      questionSet: settings.questionSet,
      shuffle: false,
    });
    for (const q of next) for (const f of q.factIds) held.add(f);
  }
  return held;
}

/**
 * Starts a practice quiz (no assignment): under the daily quota, drawn from
 * the deck's facts minus those held back for open assignments.
 *
 * @throws RateLimited when today's quota is used; Invalid when every fact of the deck is held back (or as `startQuizAttempt`).
 */
export async function startPracticeQuiz(input: Omit<StartQuizInput, "assignmentId" | "questions" | "attemptNumber" | "excludeFactIds">, db: Db = getDb()): Promise<{ attemptId: string }> {
  const params = await getSrsParams(input.userId, db);
  const key = `practice-quiz:${input.userId}:${studyDay(input.now, params.timeZone, params.dayStartHour)}`;
  const slot = await takeSlot(key, PRACTICE_QUOTA, input.now, db);
  if (!slot.ok) {
    const refused = new RateLimited(slot.retryAfterSeconds);
    refused.message = `You have started ${PRACTICE_QUOTA.max} practice quizzes today, the most for one day. Your flashcards are still open; practice quizzes open again tomorrow.`;
    throw refused;
  }
  try {
    const corpus = input.corpus ?? defaultCorpus();
    const held = await heldBackFactIds(input.userId, input.now, corpus, db);
    if (held.size > 0) {
      const inDeck = await deckFactIds(input.deckId, corpus, db);
      if (inDeck.length > 0 && inDeck.every((f) => held.has(f))) {
        const msg = "This deck's facts are in a quiz assignment you have open. Practise on it again once you have finished that quiz.";
        throw new Invalid(msg, { deckId: msg });
      }
    }
    return await startQuizAttempt({ ...input, corpus, excludeFactIds: [...held] }, db);
  } catch (e) {
    // Nothing was started: the try does not count against today's quota.
    await returnSlot(key, db);
    throw e;
  }
}
