import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { dashboardCounts } from "../../lib/data/dashboard-counts";
import { deckQueue, deckQueueWithPlan, gradeCard } from "../../lib/data/reviews";
import { addMoreNewCards, setReviewAhead } from "../../lib/data/study-more";
import { saveStudySettings } from "../../lib/data/study-settings";
import { Invalid, NotFound } from "../../lib/errors";
import type { Db } from "../../lib/db";
import { MORE_NEW_MAX_PER_DAY } from "../../lib/srs/study-more-limits";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

// 09:00 UTC on Monday 2 March 2026: study day 2026-03-02 (UTC, day starts 4 am).
const T0 = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** A class of `teacher` with `studentId` in it and one review assignment on `deckId`. */
async function reviewAssignment(db: Db, studentId: string, deckId: string, dueAt: Date, over: { openAt?: Date } = {}) {
  const teacher = await makeUser(db, { role: "teacher" });
  const classId = randomUUID();
  await db.classroom.create({ data: { id: classId, teacherId: teacher.id, name: "9C", joinCode: randomUUID().slice(0, 8), timeZone: "UTC" } });
  await db.classMember.create({ data: { classId, userId: studentId } });
  return db.assignment.create({ data: { id: randomUUID(), classId, deckId, kind: "review", title: "Read the 2020 war", openAt: over.openAt ?? new Date("2026-03-01T08:00:00Z"), dueAt, seed: "s" } });
}

/** Grades the shown card Easy until no new card is shown; returns how many new cards were introduced. */
async function introduceAll(db: Db, userId: string, deckId: string, now: Date): Promise<number> {
  let introduced = 0;
  for (let i = 0; i < 300; i++) {
    const q = await deckQueue({ userId, deckId, now }, db);
    if (!q.card || q.card.version !== 0) return introduced;
    await gradeCard({ userId, reviewId: randomUUID(), deckId, cardId: q.card.cardId, grade: 4, expectedVersion: 0, durationMs: 1000, now }, db);
    introduced++;
  }
  throw new Error("the queue never ran dry");
}

describe.each(availableProviders())("study more and assignments on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("the dashboard counts each deck as its review screen does, in a fixed number of reads", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "everything", cardId: (await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, t.db)).card!.cardId, grade: 1, expectedVersion: 0, durationMs: 0, now: T0 }, t.db);
    await reviewAssignment(t.db, u.id, "war-2020", new Date("2026-03-03T20:00:00Z"));
    const counted = await dashboardCounts(u.id, minutes(1), {}, t.db);
    const decks = await t.db.deck.findMany({ select: { id: true } });
    expect(counted.decks.size).toBe(decks.length);
    for (const d of decks) expect(counted.decks.get(d.id)).toEqual((await deckQueue({ userId: u.id, deckId: d.id, now: minutes(1) }, t.db)).counts);
    const everything = counted.decks.get("everything")!;
    expect(everything.learning).toBe(1);
    // Every card is in "Everything", and its limit is the daily one (20 − 1 introduced); war-2020's assignment asks for more.
    expect(everything.new).toBe(19);
    expect(counted.total.learning).toBe(1);
    expect(counted.total.new).toBe(Math.max(...[...counted.decks.values()].map((c) => c.new)));
  });

  it("a fact the class hid is left out of the dashboard's count as out of the review screen", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    await saveStudySettings(u.id, { desiredRetention: 0.9, newPerDay: 200, maxReviewsPerDay: 200, timeZone: "UTC", dayStartHour: 4, quizFeedback: "immediate" }, t.db);
    const a = await reviewAssignment(t.db, u.id, "war-2020", new Date("2026-03-03T20:00:00Z"));
    const before = await dashboardCounts(u.id, minutes(1), {}, t.db);
    const facts = await t.db.card.findMany({ where: { decks: { some: { deckId: "war-2020" } }, retired: false }, select: { factId: true }, distinct: ["factId"], take: 2 });
    for (const f of facts) await t.db.hiddenFact.create({ data: { classId: a.classId, factId: f.factId, hiddenBy: u.id, hiddenAt: T0 } });
    const counted = await dashboardCounts(u.id, minutes(1), {}, t.db);
    for (const deckId of ["war-2020", "everything"]) {
      expect(counted.decks.get(deckId)).toEqual((await deckQueue({ userId: u.id, deckId, now: minutes(1) }, t.db)).counts);
    }
    // Hidden only where the class assigned the deck: war-2020 shows fewer new cards, "everything" (not assigned) keeps them.
    expect(counted.decks.get("war-2020")!.new).toBeLessThan(before.decks.get("war-2020")!.new);
    expect(counted.decks.get("everything")).toEqual(before.decks.get("everything"));
  });

  it("a review assignment due tomorrow lets the student introduce half the deck today, and the rest tomorrow", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const deckSize = await t.db.deckCard.count({ where: { deckId: "war-2020", card: { retired: false } } });
    expect(deckSize).toBeGreaterThan(40); // more than two days of the daily limit (20)
    // Due Tuesday 3 March 20:00 UTC: today and tomorrow.
    await reviewAssignment(t.db, u.id, "war-2020", new Date("2026-03-03T20:00:00Z"));
    const { queue, plan } = await deckQueueWithPlan({ userId: u.id, deckId: "war-2020", now: T0 }, t.db);
    const share = Math.ceil(deckSize / 2);
    expect(queue.counts.new).toBe(share);
    expect(plan.assignments).toMatchObject([{ remaining: deckSize, totalCards: deckSize, daysLeft: 2, todayLeft: share, upcoming: false }]);

    expect(await introduceAll(t.db, u.id, "war-2020", T0)).toBe(share);
    const done = await deckQueueWithPlan({ userId: u.id, deckId: "war-2020", now: minutes(5) }, t.db);
    expect(done.queue.counts.new).toBe(0);
    expect(done.plan.assignments).toMatchObject([{ remaining: deckSize - share, todayLeft: 0, daysLeft: 2 }]);
    // The daily limit is shared: those new cards used it up for the other decks.
    expect((await deckQueue({ userId: u.id, deckId: "everything", now: minutes(5) }, t.db)).counts.new).toBe(0);

    // Tuesday: the last study day, so everything left.
    const tuesday = new Date("2026-03-03T09:00:00Z");
    const next = await deckQueueWithPlan({ userId: u.id, deckId: "war-2020", now: tuesday }, t.db);
    expect(next.queue.counts.new).toBe(deckSize - share);
    expect(next.plan.assignments[0]).toMatchObject({ daysLeft: 1, todayLeft: deckSize - share });
    expect(await introduceAll(t.db, u.id, "war-2020", tuesday)).toBe(deckSize - share);
    expect((await deckQueueWithPlan({ userId: u.id, deckId: "war-2020", now: tuesday }, t.db)).plan.assignments[0]).toMatchObject({ remaining: 0 });
  });

  it("an assignment not open yet raises nothing; one on another deck neither", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    await reviewAssignment(t.db, u.id, "war-2020", new Date("2026-03-03T20:00:00Z"), { openAt: new Date("2026-03-02T12:00:00Z") });
    await reviewAssignment(t.db, u.id, "sept-2023", new Date("2026-03-03T20:00:00Z"));
    const q = await deckQueueWithPlan({ userId: u.id, deckId: "war-2020", now: T0 }, t.db);
    expect(q.queue.counts.new).toBe(20);
    expect(q.plan.assignments).toMatchObject([{ upcoming: true, todayLeft: 0 }]);
  });

  it("more new cards today raises the deck's limit, only for today, and never past the day's maximum however many requests race", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    await saveStudySettings(u.id, { desiredRetention: 0.9, newPerDay: 5, maxReviewsPerDay: 200, timeZone: "UTC", dayStartHour: 4, quizFeedback: "immediate" }, t.db);
    expect((await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, t.db)).counts.new).toBe(5);
    expect(await addMoreNewCards({ userId: u.id, deckId: "everything", amount: 7, now: T0 }, t.db)).toEqual({ extraNew: 7, aheadDays: 0 });
    expect((await deckQueue({ userId: u.id, deckId: "everything", now: T0 }, t.db)).counts.new).toBe(12);
    expect((await deckQueue({ userId: u.id, deckId: "war-2020", now: T0 }, t.db)).counts.new).toBe(5); // that deck only
    expect((await deckQueue({ userId: u.id, deckId: "everything", now: new Date("2026-03-03T09:00:00Z") }, t.db)).counts.new).toBe(5); // that day only

    // 12 concurrent requests of 15 on top of 7: at most (100 − 7) / 15 = 6 succeed.
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => addMoreNewCards({ userId: u.id, deckId: "everything", amount: 15, now: minutes(1) }, t.db)));
    const won = results.filter((r) => r.status === "fulfilled").length;
    expect(won).toBe(Math.floor((MORE_NEW_MAX_PER_DAY - 7) / 15));
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(Invalid);
    const row = await t.db.studyExtra.findUniqueOrThrow({ where: { userId_deckId_studyDay: { userId: u.id, deckId: "everything", studyDay: "2026-03-02" } } });
    expect(row.extraNew).toBe(7 + 15 * won);
    await expect(addMoreNewCards({ userId: u.id, deckId: "everything", amount: 15, now: minutes(2) }, t.db)).rejects.toMatchObject({ fieldErrors: { amount: `At most ${MORE_NEW_MAX_PER_DAY - row.extraNew} more today.` } });
    await expect(addMoreNewCards({ userId: u.id, deckId: "everything", amount: 0, now: T0 }, t.db)).rejects.toBeInstanceOf(Invalid);
    await expect(addMoreNewCards({ userId: u.id, deckId: "no-such-deck", amount: 1, now: T0 }, t.db)).rejects.toBeInstanceOf(NotFound);
    expect(await t.db.studyExtra.count()).toBe(1);
  });

  it("concurrent first requests of a new day write one row, with every amount counted", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => addMoreNewCards({ userId: u.id, deckId: "war-2020", amount: 3, now: T0 }, t.db)));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(await t.db.studyExtra.findMany({ select: { extraNew: true } })).toEqual([{ extraNew: 24 }]);
  });

  it("review ahead brings in cards due in the next days, for today only", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    const first = (await deckQueue({ userId: u.id, deckId: "war-2020", now: T0 }, t.db)).card!;
    const graded = await gradeCard({ userId: u.id, reviewId: randomUUID(), deckId: "war-2020", cardId: first.cardId, grade: 4, expectedVersion: 0, durationMs: 0, now: T0 }, t.db);
    const daysOut = Math.ceil((graded.due.getTime() - T0.getTime()) / 86_400_000);
    expect(daysOut).toBeGreaterThan(2); // Easy on a first review: days away
    expect((await deckQueue({ userId: u.id, deckId: "war-2020", now: minutes(1) }, t.db)).counts.review).toBe(0);
    // One day ahead does not reach it.
    expect(await setReviewAhead({ userId: u.id, deckId: "war-2020", days: 1, now: minutes(1) }, t.db)).toEqual({ extraNew: 0, aheadDays: 1 });
    expect((await deckQueue({ userId: u.id, deckId: "war-2020", now: minutes(1) }, t.db)).counts.review).toBe(0);
    expect(await setReviewAhead({ userId: u.id, deckId: "war-2020", days: daysOut, now: minutes(2) }, t.db)).toEqual({ extraNew: 0, aheadDays: daysOut });
    const ahead = await deckQueue({ userId: u.id, deckId: "war-2020", now: minutes(2) }, t.db);
    expect(ahead.counts.review).toBe(1);
    expect((await dashboardCounts(u.id, minutes(2), {}, t.db)).decks.get("war-2020")?.review).toBe(1);
    // Tomorrow's study day starts without it.
    expect((await deckQueue({ userId: u.id, deckId: "war-2020", now: new Date("2026-03-03T09:00:00Z") }, t.db)).counts.review).toBe(0);
    await expect(setReviewAhead({ userId: u.id, deckId: "war-2020", days: 31, now: T0 }, t.db)).rejects.toBeInstanceOf(Invalid);
  });
});
