import { z } from "zod";
import { withoutHidden } from "../classes/hidden-facts";
import { hiddenFactIdsForDeck } from "./item-reports";
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
import { cardStateSelect, rowToState, stateToRow } from "./card-states";
import { getSrsParams } from "./study-settings";
import { isUniqueViolation } from "./unique-violation";
import { factSchema } from "../content/schema";
import { cardStep } from "../generate/evidence";
import { clockAllowedDurationMs } from "../srs/review-duration";
import { deckAllowanceFor, studyPlanOf, type DeckStudyPlan } from "./deck-allowance";
import { answerQueuedGrade } from "./review-merge";

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

const cardSelect = { id: true, kind: true, front: true, back: true, quote: true, link: true, sourceSlug: true } as const;

async function assertDeck(deckId: string, db: DbTx) {
  const deck = await db.deck.findUnique({ where: { id: deckId }, select: { id: true } });
  if (!deck) throw new NotFound("No such deck.");
}

/** What `doneToday` reads of a stored log: the card's state before the grade. */
const previousStateSchema = z.object({ previous: srsReviewLogSchema.shape.previous.pick({ state: true }) });

/**
 * What the student has done in the current study day (their time zone, day
 * starting at their day-start hour), counted by lib/srs `countDoneToday`
 * over the grades not undone. A grade that introduced its card (the
 * `introduced` column) was of a New card; the others' state before is read
 * from their log — a forced (quiz-missed) card was New with a state row.
 */
export async function doneToday(userId: string, params: SrsParams, now: Date, db: DbTx = getDb()): Promise<DoneToday & { introducedCardIds: string[] }> {
  const since = studyDayStart(studyDay(now, params.timeZone, params.dayStartHour), params.timeZone, params.dayStartHour);
  const logs = await db.reviewLog.findMany({ where: { userId, reviewedAt: { gte: since }, undoneAt: null }, select: { introduced: true, logJson: true, cardId: true }, orderBy: { reviewedAt: "asc" } });
  const counts = countDoneToday(logs.map((l) => (l.introduced ? "New" : previousStateSchema.parse(JSON.parse(l.logJson)).previous.state)));
  return { ...counts, gradedCardIds: logs.map((l) => l.cardId), introducedCardIds: logs.filter((l) => l.introduced).map((l) => l.cardId) };
}

/**
 * Today's queue for one deck and the card to show first: learning cards due
 * now, then reviews, then new cards (lib/srs `buildQueue`), with the next
 * interval of each grade. When nothing is left, `nextDue` says when the
 * deck's next card falls due. Past the daily limits: the deck's study-more
 * choices for today and its review assignments (lib/srs `deckAllowance`).
 */
export async function deckQueue(input: { userId: string; deckId: string; now: Date; params?: SrsParams }, db: DbTx = getDb()): Promise<DeckQueue> {
  return (await deckQueueWithPlan(input, db)).queue;
}

/** `deckQueue` and what the "Done for now" screen says of the deck's assignments and study more. */
export async function deckQueueWithPlan(input: { userId: string; deckId: string; now: Date; params?: SrsParams }, db: DbTx = getDb()): Promise<{ queue: DeckQueue; plan: DeckStudyPlan }> {
  await assertDeck(input.deckId, db);
  const params = input.params ?? (await getSrsParams(input.userId, db));
  // Cards of facts a teacher hid from a class that assigned this deck are left out (lib/classes `withoutHidden`).
  const [allMembers, hidden] = await Promise.all([
    db.deckCard.findMany({
      where: { deckId: input.deckId, card: { retired: false } },
      select: { cardId: true, position: true, card: { select: { factId: true, fact: { select: { sortKey: true } } } } },
      orderBy: { position: "asc" },
    }),
    hiddenFactIdsForDeck(input.userId, input.deckId, db),
  ]);
  const members = withoutHidden(allMembers, (m) => [m.card.factId], hidden);
  // All of the student's states by the (userId, …) index, then kept to this
  // deck's cards, rather than `cardId IN (…every card of the deck…)`: the long
  // IN list was the slowest statement of a grade (BENCHMARKS.md).
  const inDeck = new Set(members.map((m) => m.cardId));
  const rows = (await db.cardState.findMany({ where: { userId: input.userId }, select: cardStateSelect })).filter((r) => inDeck.has(r.cardId));
  const states = new Map(rows.map((r) => [r.cardId, rowToState(r)]));
  const done = await doneToday(input.userId, params, input.now, db);
  const allowance = await deckAllowanceFor({ userId: input.userId, deckId: input.deckId, now: input.now, params, deckCardIds: members.map((m) => m.cardId), states, done }, db);
  const queue = buildQueue({
    cards: members.map((m) => ({ id: m.cardId, position: m.position, state: states.get(m.cardId) ?? null, factId: m.card.factId, storyKey: m.card.fact.sortKey })),
    now: input.now,
    params,
    doneToday: done,
    extra: allowance.queueExtra,
  });
  const plan = studyPlanOf(allowance, members.length, new Set(done.introducedCardIds.filter((id) => inDeck.has(id))).size, input.now);
  const nextId = queue.next;
  let nextDue: Date | null = null;
  if (!nextId) {
    for (const s of states.values()) if (s.due > input.now && (!nextDue || s.due < nextDue)) nextDue = s.due;
    // New cards held back by today's limit come at the start of the next study day.
    if (members.some((m) => !states.has(m.cardId) || states.get(m.cardId)!.state === "New")) {
      const tomorrow = studyDayStart(addDays(studyDay(input.now, params.timeZone, params.dayStartHour), 1), params.timeZone, params.dayStartHour);
      if (!nextDue || tomorrow < nextDue) nextDue = tomorrow;
    }
  }
  return { queue: { counts: queue.counts, card: nextId ? await reviewCard(nextId, states.get(nextId) ?? null, input.now, params, db) : null, nextDue }, plan };
}

async function reviewCard(cardId: string, state: SrsCardState | null, now: Date, params: SrsParams, db: DbTx): Promise<ReviewCard> {
  const card = await db.card.findUniqueOrThrow({ where: { id: cardId }, select: { ...cardSelect, fact: { select: { dataJson: true } } } });
  const source = await db.source.findUnique({ where: { slug: card.sourceSlug }, select: { outlet: true } });
  const current = state ?? newCardState(now);
  const p = previewIntervals(current, now, params);
  return {
    cardId: card.id,
    kind: card.kind,
    front: card.front,
    back: card.back,
    quote: card.quote,
    link: card.link,
    outlet: source?.outlet ?? card.sourceSlug,
    step: cardStep(factSchema.parse(JSON.parse(card.fact.dataJson)), card.id),
    version: current.version,
    previews: { 1: p[1].label, 2: p[2].label, 3: p[3].label, 4: p[4].label },
  };
}

export type GradeOutcome = { replayed: boolean; cardId: string; due: Date; version: number };

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
export async function gradeCard(
  input: { userId: string; reviewId: string; deckId: string; cardId: string; grade: Grade; expectedVersion: number; durationMs: number; now: Date; params?: SrsParams; reviewedAt?: Date },
  db: Db = getDb(),
): Promise<GradeOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const prior = await findReplay(input, tx);
      if (prior) return prior;
      const member = await tx.deckCard.findUnique({ where: { deckId_cardId: { deckId: input.deckId, cardId: input.cardId } }, select: { card: { select: { retired: true } } } });
      if (!member || member.card.retired) {
        await assertDeck(input.deckId, tx);
        const exists = await tx.card.findUnique({ where: { id: input.cardId }, select: { retired: true } });
        if (!exists || exists.retired) throw new NotFound("No such card.");
        throw new Invalid("That card is not in this deck.");
      }
      const params = input.params ?? (await getSrsParams(input.userId, tx));
      const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId: input.userId, cardId: input.cardId } }, select: cardStateSelect });
      // A grade queued on the device (offline) carries its own time and is merged, not refused (lib/data/review-merge.ts).
      const { next, log, reviewedAt: at, introduced } = input.reviewedAt
        ? await answerQueuedGrade({ ...input, reviewedAt: input.reviewedAt, current: row ? rowToState(row) : null, params }, tx)
        : answerCard({ current: row ? rowToState(row) : null, expectedVersion: input.expectedVersion, grade: input.grade, now: input.now, params });
      if (row) {
        const res = await tx.cardState.updateMany({ where: { userId: input.userId, cardId: input.cardId, version: row.version }, data: stateToRow(next) });
        if (res.count !== 1) throw new Conflict(CARD_CHANGED);
      } else {
        await tx.cardState.create({ data: { userId: input.userId, cardId: input.cardId, ...stateToRow(next) } });
      }
      await tx.reviewLog.create({
        data: {
          id: input.reviewId,
          userId: input.userId,
          cardId: input.cardId,
          grade: input.grade,
          reviewedAt: at,
          durationMs: clockAllowedDurationMs(input.durationMs, (await tx.reviewLog.findFirst({ where: { userId: input.userId, reviewedAt: { lte: input.now } }, orderBy: { reviewedAt: "desc" }, select: { reviewedAt: true } }))?.reviewedAt ?? null, input.now),
          versionAfter: next.version,
          introduced,
          logJson: JSON.stringify(log),
        },
      });
      return { replayed: false, cardId: input.cardId, due: next.due, version: next.version };
    });
  } catch (e) {
    if (!isUniqueViolation(e) && !(e instanceof Conflict && e.message === CARD_CHANGED)) throw e;
    // A concurrent request won the race: a replay of the same review, or a grade of the same card.
    // On PostgreSQL the loser sees the winner's write either as a unique violation or, once the
    // winner has committed, as a newer card version: either way a replay is answered as such.
    const prior = await findReplay(input, db);
    if (prior) return prior;
    throw new Conflict(CARD_CHANGED);
  }
}

async function findReplay(input: { userId: string; reviewId: string; cardId: string; grade: Grade }, db: DbTx): Promise<GradeOutcome | null> {
  const prior = await db.reviewLog.findUnique({ where: { id: input.reviewId }, select: { userId: true, cardId: true, grade: true, versionAfter: true, undoneAt: true } });
  if (!prior) return null;
  if (prior.userId !== input.userId || prior.cardId !== input.cardId || prior.grade !== input.grade) {
    throw new Conflict("This review id was already used for a different answer.");
  }
  // Replaying a grade that was undone since (on another tab or device) must
  // neither apply it again nor claim it stands: the screen reloads the card.
  if (prior.undoneAt) throw new Conflict("That grade was undone since; the card has been reloaded.");
  const state = await db.cardState.findUnique({ where: { userId_cardId: { userId: input.userId, cardId: input.cardId } }, select: { due: true } });
  return { replayed: true, cardId: input.cardId, due: state?.due ?? new Date(0), version: prior.versionAfter };
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
      const res = await tx.cardState.updateMany({ where: { userId: input.userId, cardId: last.cardId, version: row.version }, data: stateToRow(restored) });
      if (res.count !== 1) throw new Conflict(UNDO_STALE);
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
  const params = await getSrsParams(input.userId, db);
  const row = await db.cardState.findUnique({ where: { userId_cardId: { userId: input.userId, cardId: input.cardId } }, select: cardStateSelect });
  return reviewCard(input.cardId, row ? rowToState(row) : null, input.now, params, db);
}

/** The queue counts of every deck for a student (deck page and dashboard). */
export async function deckCounts(userId: string, deckId: string, now: Date, db: DbTx = getDb()) {
  return (await deckQueue({ userId, deckId, now }, db)).counts;
}
