import type { Db, DbTx } from "../db";
import { getDb } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { answerCard, CARD_CHANGED } from "../srs/answer-card";
import { buildQueue, type DoneToday, type StudyQueue } from "../srs/build-queue";
import { newCardState, type SrsCardState } from "../srs/card-state";
import type { Grade } from "../srs/grade";
import type { SrsParams } from "../srs/params";
import { previewIntervals } from "../srs/preview-intervals";
import { srsReviewLogSchema } from "../srs/review-log";
import { addDays, studyDay, studyDayStart } from "../srs/study-day";
import { countDoneToday } from "../srs/done-today";
import { UNDO_STALE, undoGrade } from "../srs/undo-grade";
import { cardStateSelect, rowToState } from "./card-states";
import { isUniqueViolation } from "./unique-violation";
import { insertCardState, insertReviewLog, updateCardStateIfVersion } from "./review-writes";
import { cachedCorpus, type CachedCorpus, type CachedMember } from "./corpus-cache";
import { studentDayRead, studentStates, type RecentLog, type StudentDay } from "./review-reads";
import { clockAllowedDurationMs } from "../srs/review-duration";
import { withoutHidden } from "../classes/hidden-facts";
import { allowanceFrom, deckExtrasOf, studyPlanOf, type DeckExtras, type DeckStudyPlan } from "./deck-allowance";
import { answerQueuedGrade } from "./review-merge";
import { reviewAssignmentsOf, studyMoreOn } from "./study-more";
import { hiddenFactIdsByDeck } from "./item-reports";

/** What the review screen shows for one card. */
export type ReviewCard = {
  cardId: string;
  kind: string;
  front: string;
  back: string;
  quote: string;
  link: string;
  /** The outlet of the article the card quotes (not of its fact's first source). */
  outlet: string;
  /** The step in words when the quote needs one to state the answer ("“on Monday” — …"). */
  step: string | null;
  version: number;
  previews: Record<Grade, string>;
};

export type DeckQueue = { counts: StudyQueue["counts"]; card: ReviewCard | null; nextDue: Date | null };

/** A deck queue as the review screen receives it (JSON: the date as an ISO string). */
export type DeckQueueJson = Omit<DeckQueue, "nextDue"> & { nextDue: string | null };

async function assertDeck(deckId: string, db: DbTx) {
  const deck = await db.deck.findUnique({ where: { id: deckId }, select: { id: true } });
  if (!deck) throw new NotFound("No such deck.");
}

/** What `doneToday` reads of a stored log: the card's state before the grade. */

/**
 * What the student has done in the current study day (their time zone, day
 * starting at their day-start hour), counted by lib/srs `countDoneToday`
 * over the grades not undone, from the recent logs `studentDayRead` returned.
 * A grade that introduced its card (the `introduced` column) was of a New
 * card; the others' state before is their log's `previous.state` (taken out of `logJson` by `studentDayRead`'s SQL) — a forced
 * (quiz-missed) card was New with a state row.
 */
function doneTodayFrom(recent: readonly Pick<RecentLog, "reviewedAt" | "undoneAt" | "introduced" | "previousState" | "cardId">[], params: SrsParams, now: Date): DoneToday & { introducedCardIds: string[] } {
  const since = studyDayStart(studyDay(now, params.timeZone, params.dayStartHour), params.timeZone, params.dayStartHour);
  const logs = recent.filter((l) => l.reviewedAt >= since && l.undoneAt === null);
  const counts = countDoneToday(logs.map((l) => (l.introduced ? "New" : l.previousState)));
  return { ...counts, gradedCardIds: logs.map((l) => l.cardId), introducedCardIds: logs.filter((l) => l.introduced).map((l) => l.cardId) };
}

/**
 * The reads a queue is computed from: two statements (lib/data/review-reads),
 * the static corpus from its cache, and, with a deck, that deck's extras
 * (study more, review assignments, facts a class hid: lib/data/deck-allowance
 * `deckExtrasOf`: none for a student in no class without study more today,
 * else up to three small statements at once).
 */
export type QueueReads = { day: StudentDay; states: Map<string, SrsCardState>; corpus: CachedCorpus; extras: DeckExtras | null };

async function queueReads(input: { userId: string; now: Date; reviewId?: string; deckId?: string; params?: SrsParams }, db: DbTx): Promise<QueueReads> {
  const [day, states] = await Promise.all([studentDayRead(input, db), studentStates(input.userId, db)]);
  const corpus = await cachedCorpus(day.corpusKey, db);
  const extras = input.deckId && corpus.decks.has(input.deckId) ? await deckExtrasOf(input.userId, input.deckId, input.now, input.params ?? day.params, db, day) : null;
  return { day, states, corpus, extras };
}

/**
 * Today's queue for one deck and the card to show first: learning cards due
 * now, then reviews, then new cards (lib/srs `buildQueue`), with the next
 * interval of each grade. When nothing is left, `nextDue` says when the
 * deck's next card falls due. Two statements (the student's day and card
 * states); decks, cards and outlets come from the corpus cache. `show` puts
 * that card on screen instead of the queue's next (after an undo).
 */
export async function deckQueue(input: { userId: string; deckId: string; now: Date; params?: SrsParams; show?: string }, db: DbTx = getDb()): Promise<DeckQueue> {
  return (await deckQueueWithPlan(input, db)).queue;
}

/** `deckQueue` and what the "Done for now" screen says of the deck's assignments and study more. */
export async function deckQueueWithPlan(input: { userId: string; deckId: string; now: Date; params?: SrsParams; show?: string }, db: DbTx = getDb()): Promise<{ queue: DeckQueue; plan: DeckStudyPlan }> {
  const reads = await queueReads(input, db);
  if (!reads.corpus.decks.has(input.deckId)) throw new NotFound("No such deck.");
  return queueFrom(reads, { ...input, params: input.params ?? reads.day.params });
}

/**
 * The queue from what was read, in memory: the one place the next card and
 * the counts are decided (lib/srs `buildQueue` over the deck's current cards,
 * the student's states and today's counts). A change to what the queue
 * considers (a per-deck new-card allowance, say) goes into `buildQueue`'s
 * input here, for every caller at once.
 */
function queueFrom(reads: QueueReads, input: { deckId: string; now: Date; params: SrsParams; show?: string }): { queue: DeckQueue; plan: DeckStudyPlan; parts: QueueParts } {
  const { params, now } = input;
  const extras = reads.extras ?? { studyMore: { extraNew: 0, aheadDays: 0 }, assignments: [], hiddenFactIds: new Set<string>() };
  // Cards of facts a teacher hid from a class that assigned this deck are left out (lib/classes `withoutHidden`).
  const members = withoutHidden(reads.corpus.decks.get(input.deckId)?.members ?? [], (m) => [m.factId], extras.hiddenFactIds);
  const done = doneTodayFrom(reads.day.recent, params, now);
  const allowance = allowanceFrom(extras, { now, params, deckCardIds: members.map((m) => m.cardId), states: reads.states, done });
  const queue = buildQueue({
    cards: members.map((m) => ({ id: m.cardId, position: m.position, state: reads.states.get(m.cardId) ?? null, factId: m.factId, storyKey: m.storyKey })),
    now,
    params,
    doneToday: done,
    extra: allowance.queueExtra,
  });
  const inDeck = new Set(members.map((m) => m.cardId));
  const plan = studyPlanOf(allowance, members.length, new Set(done.introducedCardIds.filter((id) => inDeck.has(id))).size, now);
  const nextId = input.show ?? queue.next;
  let nextDue: Date | null = null;
  if (!nextId) {
    for (const m of members) {
      const s = reads.states.get(m.cardId);
      if (s && s.due > now && (!nextDue || s.due < nextDue)) nextDue = s.due;
    }
    // New cards held back by today's limit come at the start of the next study day.
    if (members.some((m) => !reads.states.has(m.cardId) || reads.states.get(m.cardId)!.state === "New")) {
      const tomorrow = studyDayStart(addDays(studyDay(now, params.timeZone, params.dayStartHour), 1), params.timeZone, params.dayStartHour);
      if (!nextDue || tomorrow < nextDue) nextDue = tomorrow;
    }
  }
  return {
    queue: { counts: queue.counts, card: nextId ? reviewCard(reads.corpus, nextId, reads.states.get(nextId) ?? null, now, params) : null, nextDue },
    plan,
    parts: { members, done, allowance, built: queue },
  };
}

/** What `queueFrom` decided the queue from: the deck's cards shown to the student, today's counts, the allowance, lib/srs `buildQueue`'s result. */
export type QueueParts = {
  members: CachedMember[];
  done: ReturnType<typeof doneTodayFrom>;
  allowance: ReturnType<typeof allowanceFrom>;
  built: ReturnType<typeof buildQueue>;
};

/**
 * `deckQueueWithPlan` with the reads and the parts it was computed from, for
 * the review page's offline snapshot (lib/data/offline-deck `reviewScreen`):
 * one set of reads for the screen's first card and the device's copy.
 */
export async function deckQueueWithReads(
  input: { userId: string; deckId: string; now: Date },
  db: DbTx = getDb(),
): Promise<{ queue: DeckQueue; plan: DeckStudyPlan; reads: QueueReads; parts: QueueParts; params: SrsParams }> {
  const reads = await queueReads(input, db);
  if (!reads.corpus.decks.has(input.deckId)) throw new NotFound("No such deck.");
  const params = reads.day.params;
  return { ...queueFrom(reads, { ...input, params }), reads, params };
}

/**
 * Every deck's queue, as each deck's review screen computes it (`queueFrom`
 * per deck: the same members less hidden facts, allowance, limits and
 * `buildQueue`), from one set of reads: the student's day and card states,
 * the corpus from its cache, and for all decks at once what only a student
 * in a class or with study more today can have (review assignments, hidden
 * facts, study-more rows). For the dashboard's counts.
 */
export async function everyDeckQueue(input: { userId: string; now: Date; params?: SrsParams }, db: DbTx = getDb()): Promise<{ params: SrsParams; done: QueueParts["done"]; decks: { deckId: string; queue: DeckQueue; parts: QueueParts }[] }> {
  const { userId, now } = input;
  const reads = await queueReads({ userId, now }, db);
  const params = input.params ?? reads.day.params;
  const today = studyDay(now, params.timeZone, params.dayStartHour);
  const [more, assignments, hidden] = await Promise.all([
    reads.day.lastStudyMoreDay !== null && reads.day.lastStudyMoreDay >= today ? studyMoreOn(userId, "all", today, db) : new Map<string, { extraNew: number; aheadDays: number }>(),
    reads.day.inClass ? reviewAssignmentsOf(userId, "all", db) : [],
    reads.day.inClass ? hiddenFactIdsByDeck(userId, db) : new Map<string, Set<string>>(),
  ]);
  const decks = [...reads.corpus.decks.keys()].map((deckId) => {
    const extras: DeckExtras = {
      studyMore: more.get(deckId) ?? { extraNew: 0, aheadDays: 0 },
      assignments: assignments.filter((a) => a.deckId === deckId),
      hiddenFactIds: hidden.get(deckId) ?? new Set<string>(),
    };
    const { queue, parts } = queueFrom({ ...reads, extras }, { deckId, now, params });
    return { deckId, queue, parts };
  });
  return { params, done: doneTodayFrom(reads.day.recent, params, now), decks };
}

function reviewCard(corpus: CachedCorpus, cardId: string, state: SrsCardState | null, now: Date, params: SrsParams): ReviewCard {
  const card = corpus.cards.get(cardId);
  if (!card) throw new NotFound("No such card.");
  const current = state ?? newCardState(now);
  const p = previewIntervals(current, now, params);
  return {
    cardId: card.id,
    kind: card.kind,
    front: card.front,
    back: card.back,
    quote: card.quote,
    link: card.link,
    outlet: card.outlet,
    step: card.step,
    version: current.version,
    previews: { 1: p[1].label, 2: p[2].label, 3: p[3].label, 4: p[4].label },
  };
}

export type GradeOutcome = { replayed: boolean; cardId: string; due: Date; version: number };

/** `reviewedAt`: a grade queued on the device (offline), with the time it was made; merged, not refused, when the card changed elsewhere. */
type GradeInput = { userId: string; reviewId: string; deckId: string; cardId: string; grade: Grade; expectedVersion: number; durationMs: number; now: Date; params?: SrsParams; reviewedAt?: Date };

/**
 * Records one grade: the new card state and its review log in one
 * transaction, guarded by the state version the student saw.
 * - a review id seen before, for the same card and grade, returns the first
 *   outcome and changes nothing (a retry or a replay is applied once);
 *   the same id for something else, or for a grade undone since, is a Conflict;
 * - a grade against a state that changed since it was shown (another tab or
 *   device graded it) is a Conflict and changes nothing;
 * - unknown or retired cards are NotFound; cards outside the deck are Invalid.
 */
export async function gradeCard(input: GradeInput, db: Db = getDb()): Promise<GradeOutcome> {
  return (await grade(input, db)).outcome;
}

/**
 * `gradeCard` and then the deck's queue as it stands after the grade, in six
 * statements on the common path (tests/integration/review-statements.test.ts):
 * the student's day and card states (read before the transaction: every write
 * below is guarded, so a read that went stale makes the write fail, never
 * apply twice), then BEGIN, the guarded UPDATE (or the INSERT of a first
 * state), the log INSERT, COMMIT. The queue is computed in memory from the
 * same reads with the grade applied. A replay costs the two reads.
 */
export async function gradeAndQueue(input: GradeInput, db: Db = getDb()): Promise<{ outcome: GradeOutcome; next: DeckQueue }> {
  const { outcome, next } = await grade(input, db);
  return { outcome, next: await next() };
}

/** The grade, and the queue after it as a thunk (in memory on the common path; two fresh reads after a lost race). */
async function grade(input: GradeInput, db: Db): Promise<{ outcome: GradeOutcome; next: () => Promise<DeckQueue> }> {
  const reads = await queueReads(input, db);
  const params = input.params ?? reads.day.params;
  const queueInput = { deckId: input.deckId, now: input.now, params };
  if (reads.day.replay) return { outcome: replayOutcome(input, reads.day.replay, reads.states.get(input.cardId)?.due), next: async () => queueFrom(reads, queueInput).queue };
  const deck = reads.corpus.decks.get(input.deckId);
  if (!deck?.memberIds.has(input.cardId)) {
    if (!deck) throw new NotFound("No such deck.");
    const card = reads.corpus.cards.get(input.cardId);
    if (!card || card.retired) throw new NotFound("No such card.");
    throw new Invalid("That card is not in this deck.");
  }
  const current = reads.states.get(input.cardId) ?? null;
  // The student's previous grade (undone or not) bounds the time this one took; one older than the recent logs is over the 5-minute cap anyway.
  let previousAt: Date | null = null;
  for (const l of reads.day.recent) if (l.reviewedAt <= input.now && (!previousAt || l.reviewedAt > previousAt)) previousAt = l.reviewedAt;
  let written: { next: SrsCardState; row: Omit<RecentLog, "undoneAt"> & { durationMs: number; logJson: string } };
  try {
    // Inside the try: on PostgreSQL the states may already show a concurrent copy's
    // committed grade (a CARD_CHANGED here) while the replay read did not yet: resolved below.
    written = await db.$transaction(async (tx) => {
      // A grade queued on the device carries its own time and is merged, not refused, when the card
      // changed elsewhere (lib/data/review-merge.ts: one more read, of the card's logs, only then).
      const { next, log, reviewedAt: at, introduced } = input.reviewedAt
        ? await answerQueuedGrade({ ...input, reviewedAt: input.reviewedAt, current, params }, tx)
        : answerCard({ current, expectedVersion: input.expectedVersion, grade: input.grade, now: input.now, params });
      const row = {
        id: input.reviewId,
        userId: input.userId,
        cardId: input.cardId,
        grade: input.grade,
        reviewedAt: at,
        durationMs: clockAllowedDurationMs(input.durationMs, previousAt, input.now),
        versionAfter: next.version,
        introduced,
        logJson: JSON.stringify(log),
      };
      // Raw statements (lib/data/review-writes): the path every grade takes spares the query compiler.
      const key = { userId: input.userId, cardId: input.cardId };
      if (current) {
        // Guarded by the version this grade was computed from (a merge may start from a newer one than the device saw).
        if (!(await updateCardStateIfVersion(key, current.version, next, input.now, tx))) throw new Conflict(CARD_CHANGED);
      } else {
        await insertCardState(key, next, input.now, tx);
      }
      await insertReviewLog(row, tx);
      return { next, row: { ...row, previousState: log.previous.state } };
      // Waiting for a pooled connection (PostgreSQL under a burst) is not a failure: wait as long as for a lock.
    }, { maxWait: 10_000 });
  } catch (e) {
    if (!isUniqueViolation(e) && !(e instanceof Conflict && e.message === CARD_CHANGED)) throw e;
    // A concurrent request won the race: a replay of the same review, or a grade of the same card.
    // On PostgreSQL the loser sees the winner's write either as a unique violation or, once the
    // winner has committed, as a newer card version: either way a replay is answered as such.
    const prior = await findReplay(input, db);
    if (prior) return { outcome: prior, next: () => deckQueue({ userId: input.userId, deckId: input.deckId, now: input.now, params }, db) };
    throw new Conflict(CARD_CHANGED);
  }
  const { next, row } = written;
  reads.states.set(input.cardId, next);
  const recent = [...reads.day.recent, { ...row, undoneAt: null }].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const outcome = { replayed: false, cardId: input.cardId, due: next.due, version: next.version };
  return { outcome, next: async () => queueFrom({ ...reads, day: { ...reads.day, recent } }, queueInput).queue };
}

/** A review id seen before: the first outcome, or a Conflict (another answer, or undone since). */
function replayOutcome(input: { userId: string; cardId: string; grade: Grade }, prior: { userId: string; cardId: string; grade: number; versionAfter: number; undoneAt: Date | null }, due: Date | undefined): GradeOutcome {
  if (prior.userId !== input.userId || prior.cardId !== input.cardId || prior.grade !== input.grade) {
    throw new Conflict("This review id was already used for a different answer.");
  }
  // Replaying a grade that was undone since (on another tab or device) must
  // neither apply it again nor claim it stands: the screen reloads the card.
  if (prior.undoneAt) throw new Conflict("That grade was undone since; the card has been reloaded.");
  return { replayed: true, cardId: input.cardId, due: due ?? new Date(0), version: prior.versionAfter };
}

async function findReplay(input: { userId: string; reviewId: string; cardId: string; grade: Grade }, db: DbTx): Promise<GradeOutcome | null> {
  const prior = await db.reviewLog.findUnique({ where: { id: input.reviewId }, select: { userId: true, cardId: true, grade: true, versionAfter: true, undoneAt: true } });
  if (!prior) return null;
  const state = await db.cardState.findUnique({ where: { userId_cardId: { userId: input.userId, cardId: input.cardId } }, select: { due: true } });
  return replayOutcome(input, prior, state?.due);
}

/**
 * Undoes the student's latest grade (it must be `reviewId`): the card's state
 * goes back exactly to what it was before (removed again if the grade had
 * introduced it), and the log is marked undone so daily counts drop it.
 * Refused with Conflict when a later grade exists or the card changed since;
 * NotFound (and nothing undone) for an unknown `deckId`.
 */
export async function undoLastReview(input: { userId: string; reviewId: string; deckId?: string; now: Date }, db: Db = getDb()): Promise<{ cardId: string }> {
  return db.$transaction(async (tx) => {
    // The deck the screen comes back to is checked first: a request refused
    // for its deck must not have undone anything.
    if (input.deckId !== undefined) await assertDeck(input.deckId, tx);
    const last = await tx.reviewLog.findFirst({
      where: { userId: input.userId, undoneAt: null },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      select: { id: true, cardId: true, versionAfter: true, introduced: true, logJson: true },
    });
    if (!last) throw new Conflict("There is nothing to undo.");
    if (last.id !== input.reviewId) {
      const exists = await tx.reviewLog.findFirst({ where: { id: input.reviewId, userId: input.userId }, select: { undoneAt: true } });
      if (!exists) throw new NotFound("No such review.");
      throw new Conflict(exists.undoneAt ? "That grade was already undone." : "Only the latest grade can be undone.");
    }
    const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId: input.userId, cardId: last.cardId } }, select: cardStateSelect });
    if (!row) throw new Conflict(UNDO_STALE);
    const log = srsReviewLogSchema.parse(JSON.parse(last.logJson));
    // The grade's current version is `versionAfter` (it moves when a later
    // grade is undone, below); lib/srs undoGrade refuses a card that moved on
    // since (StaleState) and gives the restored state a new, higher version.
    const restored = undoGrade({ ...log, version: last.versionAfter }, rowToState(row));
    if (last.introduced) {
      await tx.cardState.delete({ where: { userId_cardId: { userId: input.userId, cardId: last.cardId } } });
    } else {
      if (!(await updateCardStateIfVersion({ userId: input.userId, cardId: last.cardId }, row.version, restored, input.now, tx))) throw new Conflict(UNDO_STALE);
      // The card is back in the state its previous grade produced: that grade is now the
      // undoable one, so it takes the restored version (undo can go back grade by grade).
      const previousGrade = await tx.reviewLog.findFirst({
        where: { userId: input.userId, cardId: last.cardId, undoneAt: null, id: { not: last.id } },
        orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
        select: { id: true, versionAfter: true },
      });
      if (previousGrade && previousGrade.versionAfter === log.previous.version) {
        await tx.reviewLog.update({ where: { id: previousGrade.id }, data: { versionAfter: restored.version } });
      }
    }
    await tx.reviewLog.update({ where: { id: last.id }, data: { undoneAt: input.now } });
    return { cardId: last.cardId };
  });
}

/** One card as the review screen shows it, in the student's current state (after an undo). */
export async function reviewCardFor(input: { userId: string; cardId: string; now: Date }, db: DbTx = getDb()): Promise<ReviewCard> {
  const reads = await queueReads(input, db);
  return reviewCard(reads.corpus, input.cardId, reads.states.get(input.cardId) ?? null, input.now, reads.day.params);
}

/** The queue counts of every deck for a student (deck page and dashboard). */
export async function deckCounts(userId: string, deckId: string, now: Date, db: DbTx = getDb()) {
  return (await deckQueue({ userId, deckId, now }, db)).counts;
}
