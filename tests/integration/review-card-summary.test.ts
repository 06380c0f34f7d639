/**
 * ReviewCardSummary (prisma/models.prisma) is kept by the database: triggers
 * on ReviewLog add each new review that stands to its (student, card) row and
 * recount the row when a review is undone or its undo cleared, and the
 * migration that made the table filled it from the reviews stored before.
 * Checked on both providers against the rule over the rows themselves — per
 * (student, card), over the reviews not undone: their number, the first and
 * the last, Σ min(duration, lib/reports MAX_REVIEW_MS), the smallest
 * duration — for grades through `gradeCard` (long ones, one queued
 * offline), undos through `undoLastReview` (down to a card with no review
 * left), a bulk insert with a review stored undone, an
 * undo cleared by hand; then the migration's fill statement run again, and
 * the rows going with their student.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { gradeCard, undoLastReview } from "../../lib/data/reviews";
import { toDate } from "../../lib/data/review-reads";
import { MAX_REVIEW_MS } from "../../lib/reports/assignment-report";
import type { Grade } from "../../lib/srs/grade";
import { seededRandom } from "../../scripts/bench/shared/seeded-random";
import { fillStatement } from "./helpers/summary-fill";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const T0 = new Date("2026-03-01T09:00:00.125Z");
const MIGRATION = "20261204185644_review_card_summary";

type Row = { userId: string; cardId: string; reviews: number; firstAt: number; lastAt: number; spentMs: number; minDurationMs: number };
const sorted = (rows: Row[]) => rows.sort((a, b) => (a.userId + a.cardId < b.userId + b.cardId ? -1 : 1));

async function summaryRows(db: Db): Promise<Row[]> {
  const rows = await db.reviewCardSummary.findMany();
  return sorted(rows.map((r) => ({ ...r, firstAt: toDate(r.firstAt).getTime(), lastAt: toDate(r.lastAt).getTime() })));
}

/** The rule over every stored review. */
async function oracle(db: Db): Promise<Row[]> {
  const out = new Map<string, Row>();
  for (const l of await db.reviewLog.findMany({ where: { undoneAt: null } })) {
    const k = `${l.userId} ${l.cardId}`;
    const at = l.reviewedAt.getTime();
    const r = out.get(k) ?? { userId: l.userId, cardId: l.cardId, reviews: 0, firstAt: at, lastAt: at, spentMs: 0, minDurationMs: l.durationMs };
    r.reviews += 1;
    r.firstAt = Math.min(r.firstAt, at);
    r.lastAt = Math.max(r.lastAt, at);
    r.spentMs += Math.min(l.durationMs, MAX_REVIEW_MS);
    r.minDurationMs = Math.min(r.minDurationMs, l.durationMs);
    out.set(k, r);
  }
  return sorted([...out.values()]);
}


describe.each(availableProviders())("ReviewCardSummary on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("holds the reviews that stand per (student, card) as the rule over the reviews gives, kept by the triggers and refilled alike by the migration", async () => {
    t = await seededDb(provider);
    const db = t.db;
    const rand = seededRandom(7);
    const cards = (await db.deckCard.findMany({ where: { deckId: "everything" }, select: { cardId: true }, orderBy: { position: "asc" }, take: 6 })).map((c) => c.cardId);
    const ani = await makeUser(db, { name: "Ani" });
    const cleo = await makeUser(db, { name: "Cleo" });

    // Grades through the app: durations across the cap, one queued offline (merged by `answerQueuedGrade`).
    const version = new Map<string, number>();
    const reviewIds: { userId: string; cardId: string; id: string }[] = [];
    let minute = 0;
    for (const userId of [ani.id, cleo.id]) {
      for (const cardId of cards) {
        for (let k = 0; k < 3; k++) {
          const id = randomUUID();
          const key = `${userId} ${cardId}`;
          const durationMs = [0, 4_000, MAX_REVIEW_MS, MAX_REVIEW_MS + 1, 250_000][Math.floor(rand() * 5)]!;
          const now = new Date(T0.getTime() + ++minute * 60_000);
          const offline = k === 2 && cardId === cards[1] ? { reviewedAt: new Date(T0.getTime() - 3_600_000) } : {};
          const out = await gradeCard({ userId, reviewId: id, deckId: "everything", cardId, grade: (1 + Math.floor(rand() * 4)) as Grade, expectedVersion: version.get(key) ?? 0, durationMs, now, ...offline }, db);
          version.set(key, out.version);
          reviewIds.push({ userId, cardId, id });
        }
      }
    }
    // Undos (only a student's latest grade can be undone): Ani's last four — every grade of the last card, so no review of it stands, and the last of the one before.
    for (const r of reviewIds.filter((r) => r.userId === ani.id).reverse().slice(0, 4)) {
      await undoLastReview({ userId: ani.id, reviewId: r.id, deckId: "everything", now: new Date(T0.getTime() + ++minute * 60_000) }, db);
    }
    expect((await summaryRows(db)).filter((r) => r.userId === ani.id).map((r) => [r.cardId, r.reviews])).toEqual(sorted(await oracle(db)).filter((r) => r.userId === ani.id).map((r) => [r.cardId, r.reviews]));
    expect((await summaryRows(db)).some((r) => r.userId === ani.id && r.cardId === cards[5])).toBe(false);
    // A bulk insert (one review stored undone), and an undo cleared by hand.
    await db.reviewLog.createMany({
      data: [
        { id: "bulk-1", userId: cleo.id, cardId: cards[0]!, grade: 3, reviewedAt: new Date(T0.getTime() - 86_400_000), durationMs: 90_000, versionAfter: 9, introduced: false, logJson: "{}" },
        { id: "bulk-2", userId: cleo.id, cardId: cards[0]!, grade: 3, reviewedAt: new Date(T0.getTime() + 86_400_000), durationMs: 1, versionAfter: 9, introduced: false, logJson: "{}", undoneAt: T0 },
      ],
    });
    const undone = await db.reviewLog.findFirstOrThrow({ where: { userId: ani.id, cardId: cards[5]!, undoneAt: { not: null } } });
    await db.reviewLog.update({ where: { id: undone.id }, data: { undoneAt: null } });

    const expected = await oracle(db);
    const kept = await summaryRows(db);
    expect(kept).toEqual(expected);
    // The data says what it was made to say.
    expect(kept.find((r) => r.userId === ani.id && r.cardId === cards[4])?.reviews).toBe(2);
    expect(kept.find((r) => r.userId === ani.id && r.cardId === cards[5])?.reviews).toBe(1);
    expect(kept.find((r) => r.userId === cleo.id && r.cardId === cards[0])?.firstAt).toBe(T0.getTime() - 86_400_000);
    expect(kept.some((r) => r.spentMs < r.reviews * MAX_REVIEW_MS && r.minDurationMs > 0)).toBe(true);

    // The migration's fill over the same reviews gives the same rows.
    await db.reviewCardSummary.deleteMany();
    expect(await db.$executeRawUnsafe(fillStatement(provider, MIGRATION))).toBe(expected.length);
    expect(await summaryRows(db)).toEqual(expected);

    // The rows go with their student.
    await db.user.delete({ where: { id: cleo.id } });
    expect(await summaryRows(db)).toEqual(expected.filter((r) => r.userId !== cleo.id));
  });
});
