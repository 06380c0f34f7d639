import type { Db, DbTx } from "../db";
import { getDb } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { applyGrade } from "../srs/apply-grade";
import { buildQueue, type DoneToday, type StudyQueue } from "../srs/build-queue";
import { newCardState, srsCardStateSchema, type SrsCardState } from "../srs/card-state";
import type { Grade } from "../srs/grade";
import type { SrsParams } from "../srs/params";
import { previewIntervals } from "../srs/preview-intervals";
import type { SrsReviewLog } from "../srs/review-log";
import { addDays, studyDay, studyDayStart } from "../srs/study-day";
import { undoGrade } from "../srs/undo-grade";
import { cardStateSelect, rowToState, stateToRow } from "./card-states";
import { getSrsParams } from "./study-settings";
import { clockAllowedDurationMs } from "./review-duration";

/** What the review screen shows for one card. */
export type ReviewCard = {
  cardId: string;
  kind: string;
  front: string;
  back: string;
  quote: string;
  link: string;
  outlet: string;
  version: number;
  previews: Record<Grade, string>;
};

export type DeckQueue = { counts: StudyQueue["counts"]; card: ReviewCard | null; nextDue: Date | null };

const cardSelect = { id: true, kind: true, front: true, back: true, quote: true, link: true, sourceSlug: true } as const;

async function assertDeck(db: DbTx, deckId: string) {
  const deck = await db.deck.findUnique({ where: { id: deckId }, select: { id: true } });
  if (!deck) throw new NotFound("No such deck.");
}

/**
 * What the student has done in the current study day (their time zone, day
 * starting at their day-start hour): first reviews of new cards, and reviews
 * of cards that were in Review. Undone grades do not count.
 */
export async function doneToday(db: DbTx, userId: string, params: SrsParams, now: Date): Promise<DoneToday> {
  const since = studyDayStart(studyDay(now, params.timeZone, params.dayStartHour), params.timeZone, params.dayStartHour);
  const logs = await db.reviewLog.findMany({ where: { userId, reviewedAt: { gte: since }, undoneAt: null }, select: { logJson: true } });
  let newIntroduced = 0;
  let reviews = 0;
  for (const l of logs) {
    const state = (JSON.parse(l.logJson) as { previous?: { state?: string } }).previous?.state;
    if (state === "New") newIntroduced++;
    else if (state === "Review") reviews++;
  }
  return { newIntroduced, reviews };
}

/**
 * Today's queue for one deck and the card to show first: learning cards due
 * now, then reviews, then new cards (lib/srs `buildQueue`), with the next
 * interval of each grade. When nothing is left, `nextDue` says when the
 * deck's next card falls due.
 */
export async function deckQueue(db: DbTx = getDb(), input: { userId: string; deckId: string; now: Date; params?: SrsParams }): Promise<DeckQueue> {
  await assertDeck(db, input.deckId);
  const params = input.params ?? (await getSrsParams(input.userId, db));
  const members = await db.deckCard.findMany({
    where: { deckId: input.deckId, card: { retired: false } },
    select: { cardId: true, position: true },
    orderBy: { position: "asc" },
  });
  // All of the student's states by the (userId, …) index, then kept to this
  // deck's cards, rather than `cardId IN (…every card of the deck…)`: the long
  // IN list was the slowest statement of a grade (BENCHMARKS.md).
  const inDeck = new Set(members.map((m) => m.cardId));
  const rows = (await db.cardState.findMany({ where: { userId: input.userId }, select: cardStateSelect })).filter((r) => inDeck.has(r.cardId));
  const states = new Map(rows.map((r) => [r.cardId, rowToState(r)]));
  const queue = buildQueue({
    cards: members.map((m) => ({ id: m.cardId, position: m.position, state: states.get(m.cardId) ?? null })),
    now: input.now,
    params,
    doneToday: await doneToday(db, input.userId, params, input.now),
  });
  const nextId = queue.learning[0] ?? queue.review[0] ?? queue.new[0];
  let nextDue: Date | null = null;
  if (!nextId) {
    for (const s of states.values()) if (s.due > input.now && (!nextDue || s.due < nextDue)) nextDue = s.due;
    // New cards held back by today's limit come at the start of the next study day.
    if (members.some((m) => !states.has(m.cardId) || states.get(m.cardId)!.state === "New")) {
      const tomorrow = studyDayStart(addDays(studyDay(input.now, params.timeZone, params.dayStartHour), 1), params.timeZone, params.dayStartHour);
      if (!nextDue || tomorrow < nextDue) nextDue = tomorrow;
    }
  }
  return { counts: queue.counts, card: nextId ? await reviewCard(db, nextId, states.get(nextId) ?? null, input.now, params) : null, nextDue };
}

async function reviewCard(db: DbTx, cardId: string, state: SrsCardState | null, now: Date, params: SrsParams): Promise<ReviewCard> {
  const card = await db.card.findUniqueOrThrow({ where: { id: cardId }, select: { ...cardSelect, fact: { select: { sources: { select: { source: { select: { outlet: true } } }, take: 1, orderBy: { position: "asc" } } } } } });
  const current = state ?? newCardState(now);
  const p = previewIntervals(current, now, params);
  return {
    cardId: card.id,
    kind: card.kind,
    front: card.front,
    back: card.back,
    quote: card.quote,
    link: card.link,
    outlet: card.fact.sources[0]?.source.outlet ?? card.sourceSlug,
    version: current.version,
    previews: { 1: p[1].label, 2: p[2].label, 3: p[3].label, 4: p[4].label },
  };
}

const STALE_CARD = "This card changed since it was shown (another tab or device). It has been reloaded.";

export type GradeOutcome = { replayed: boolean; cardId: string; due: Date; version: number };

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002" || /Unique constraint/i.test(String((e as Error)?.message));

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
  db: Db = getDb(),
  input: { userId: string; reviewId: string; deckId: string; cardId: string; grade: Grade; expectedVersion: number; durationMs: number; now: Date; params?: SrsParams },
): Promise<GradeOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const prior = await findReplay(tx, input);
      if (prior) return prior;
      const member = await tx.deckCard.findUnique({ where: { deckId_cardId: { deckId: input.deckId, cardId: input.cardId } }, select: { card: { select: { retired: true } } } });
      if (!member || member.card.retired) {
        await assertDeck(tx, input.deckId);
        const exists = await tx.card.findUnique({ where: { id: input.cardId }, select: { retired: true } });
        if (!exists || exists.retired) throw new NotFound("No such card.");
        throw new Invalid("That card is not in this deck.");
      }
      const params = input.params ?? (await getSrsParams(input.userId, tx));
      const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId: input.userId, cardId: input.cardId } }, select: cardStateSelect });
      const current = row ? rowToState(row) : newCardState(input.now);
      if (current.version !== input.expectedVersion) throw new Conflict(STALE_CARD);
      // Servers behind a load balancer can disagree by a little: a review is
      // never earlier than the card's last one (lib/srs refuses that).
      const at = current.lastReview && current.lastReview > input.now ? current.lastReview : input.now;
      const { next, log } = applyGrade(current, input.grade, at, params);
      if (row) {
        const res = await tx.cardState.updateMany({ where: { userId: input.userId, cardId: input.cardId, version: input.expectedVersion }, data: stateToRow(next) });
        if (res.count !== 1) throw new Conflict(STALE_CARD);
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
          durationMs: await clockAllowedDurationMs(tx, input),
          versionAfter: next.version,
          introduced: !row,
          logJson: JSON.stringify(log),
        },
      });
      return { replayed: false, cardId: input.cardId, due: next.due, version: next.version };
    });
  } catch (e) {
    // A concurrent request won the race: a replay of the same review, or a grade of the same card.
    // On PostgreSQL the loser sees the winner's write either as a unique violation or, once the
    // winner has committed, as a newer card version: either way the replay is answered as such.
    if (!isUniqueViolation(e) && !(e instanceof Conflict && e.message === STALE_CARD)) throw e;
    const prior = await findReplay(db, input);
    if (prior) return prior;
    throw new Conflict(STALE_CARD);
  }
}

async function findReplay(db: DbTx, input: { userId: string; reviewId: string; cardId: string; grade: Grade }): Promise<GradeOutcome | null> {
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
export async function undoLastReview(db: Db = getDb(), input: { userId: string; reviewId: string; deckId?: string; now: Date }): Promise<{ cardId: string }> {
  return db.$transaction(async (tx) => {
    // The deck the screen comes back to is checked first: a request refused
    // for its deck must not have undone anything.
    if (input.deckId !== undefined) await assertDeck(tx, input.deckId);
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
    if (!row || row.version !== last.versionAfter) throw new Conflict("The card changed since that grade; it cannot be undone.");
    const raw = JSON.parse(last.logJson) as SrsReviewLog;
    const log: SrsReviewLog = { ...raw, previous: srsCardStateSchema.parse(raw.previous) };
    if (last.introduced) {
      await tx.cardState.delete({ where: { userId_cardId: { userId: input.userId, cardId: last.cardId } } });
    } else {
      // Versions only grow (see lib/srs undoGrade): the restored state gets a new one.
      const restored = { ...undoGrade(log), version: row.version + 1 };
      const res = await tx.cardState.updateMany({ where: { userId: input.userId, cardId: last.cardId, version: row.version }, data: stateToRow(restored) });
      if (res.count !== 1) throw new Conflict("The card changed since that grade; it cannot be undone.");
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
export async function reviewCardFor(db: DbTx = getDb(), input: { userId: string; cardId: string; now: Date }): Promise<ReviewCard> {
  const params = await getSrsParams(input.userId, db);
  const row = await db.cardState.findUnique({ where: { userId_cardId: { userId: input.userId, cardId: input.cardId } }, select: cardStateSelect });
  return reviewCard(db, input.cardId, row ? rowToState(row) : null, input.now, params);
}

/** The queue counts of every deck for a student (deck page and dashboard). */
export async function deckCounts(userId: string, deckId: string, now: Date, db: DbTx = getDb()) {
  return (await deckQueue(db, { userId, deckId, now })).counts;
}
