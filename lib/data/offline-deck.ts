import { getDb, type DbTx } from "../db";
import { NotFound } from "../errors";
import { factSchema } from "../content/schema";
import { cardStep } from "../generate/evidence";
import { buildQueue } from "../srs/build-queue";
import type { SrsCardState } from "../srs/card-state";
import { SNAPSHOT_HORIZON_MS, type CardContent, type DeckSnapshot } from "../offline/deck-snapshot";
import { cardStateSelect, rowToState } from "./card-states";
import { withoutHidden } from "../classes/hidden-facts";
import { studyDay } from "../srs/study-day";
import { deckAllowanceFor } from "./deck-allowance";
import { hiddenFactIdsForDeck } from "./item-reports";
import { doneToday } from "./reviews";
import { getSrsParams } from "./study-settings";

/**
 * The review screen's offline copy of a deck for one student (lib/offline
 * `DeckSnapshot`): every card of the deck with its place and the student's
 * state, and the text of the cards the coming hours can show — the queue's
 * cards now (learning, due, today's new ones), every card in learning and
 * every review due within `SNAPSHOT_HORIZON_MS`. Reads only.
 */
export async function offlineDeck(input: { userId: string; deckId: string; now: Date }, db: DbTx = getDb()): Promise<DeckSnapshot> {
  const deck = await db.deck.findUnique({ where: { id: input.deckId }, select: { id: true } });
  if (!deck) throw new NotFound("No such deck.");
  const params = await getSrsParams(input.userId, db);
  // The same cards, allowance and rules as the server's queue (lib/data/reviews.ts `deckQueueWithPlan`).
  const [allMembers, hidden] = await Promise.all([
    db.deckCard.findMany({
      where: { deckId: input.deckId, card: { retired: false } },
      select: { cardId: true, position: true, card: { select: { factId: true, fact: { select: { sortKey: true } } } } },
      orderBy: { position: "asc" },
    }),
    hiddenFactIdsForDeck(input.userId, input.deckId, db),
  ]);
  const members = withoutHidden(allMembers, (m) => [m.card.factId], hidden);
  const inDeck = new Set(members.map((m) => m.cardId));
  const rows = (await db.cardState.findMany({ where: { userId: input.userId }, select: cardStateSelect })).filter((r) => inDeck.has(r.cardId));
  const states = new Map<string, SrsCardState>(rows.map((r) => [r.cardId, rowToState(r)]));
  const done = await doneToday(input.userId, params, input.now, db);
  const cards = members.map((m) => ({ id: m.cardId, position: m.position, factId: m.card.factId, storyKey: m.card.fact.sortKey, state: states.get(m.cardId) ?? null }));
  const allowance = await deckAllowanceFor({ userId: input.userId, deckId: input.deckId, now: input.now, params, deckCardIds: members.map((m) => m.cardId), states, done }, db);
  const extra = allowance.queueExtra;
  const queue = buildQueue({ cards, now: input.now, params, doneToday: done, extra });
  const wanted = new Set([...queue.learning, ...queue.review, ...queue.new]);
  const horizon = input.now.getTime() + SNAPSHOT_HORIZON_MS;
  for (const [id, s] of states) {
    if (s.state === "Learning" || s.state === "Relearning" || s.due.getTime() <= horizon) wanted.add(id);
  }
  const texts = await db.card.findMany({
    where: { id: { in: [...wanted] } },
    select: { id: true, kind: true, front: true, back: true, quote: true, link: true, sourceSlug: true, fact: { select: { dataJson: true } } },
  });
  const outlets = new Map(
    (await db.source.findMany({ where: { slug: { in: [...new Set(texts.map((t) => t.sourceSlug))] } }, select: { slug: true, outlet: true } })).map((s) => [s.slug, s.outlet]),
  );
  const content = new Map<string, CardContent>(
    texts.map((t) => [
      t.id,
      { kind: t.kind, front: t.front, back: t.back, quote: t.quote, link: t.link, outlet: outlets.get(t.sourceSlug) ?? t.sourceSlug, step: cardStep(factSchema.parse(JSON.parse(t.fact.dataJson)), t.id) },
    ]),
  );
  return {
    userId: input.userId,
    deckId: input.deckId,
    fetchedAt: input.now,
    settings: { desiredRetention: params.desiredRetention, newPerDay: params.newPerDay, maxReviewsPerDay: params.maxReviewsPerDay, timeZone: params.timeZone, dayStartHour: params.dayStartHour },
    doneToday: { newIntroduced: done.newIntroduced, reviews: done.reviews, gradedCardIds: [...(done.gradedCardIds ?? [])] },
    extra: {
      day: studyDay(input.now, params.timeZone, params.dayStartHour),
      studyMore: allowance.studyMore,
      assignments: allowance.assignments.map((a) => ({ id: a.id, openAt: a.openAt, dueAt: a.dueAt })),
      introducedCardIds: [...done.introducedCardIds],
    },
    cards: cards.map((c) => ({ ...c, content: content.get(c.id) ?? null })),
    local: [],
  };
}
