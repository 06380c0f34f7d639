/**
 * What a student's classes put into their review queue, read from their
 * memberships in one statement each (lib/data study-more `reviewAssignmentsOf`,
 * item-reports `hiddenFactIdsForDeck` and `hiddenFactIdsByDeck`, and the
 * dashboard's list, assignments `listStudentAssignments`): only classes
 * they are in now and that are not archived count; a class's hidden facts
 * apply to the decks it assigned, and only those; the student's extension is
 * their due date (another student's is not); assignments come soonest due
 * first by that date; a quiz assignment is no review assignment. On both
 * providers.
 */
import { afterEach, describe, expect, it } from "vitest";
import { listStudentAssignments } from "../../lib/data/assignments";
import { hiddenFactIdsByDeck, hiddenFactIdsForDeck } from "../../lib/data/item-reports";
import { reviewAssignmentsOf } from "../../lib/data/study-more";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const T0 = new Date("2026-03-01T09:00:00.000Z");
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const QUIZ = JSON.stringify({ questionCount: 5, types: ["multiple-choice"], timeLimitMinutes: 20, attemptsAllowed: 2, feedback: "end", shuffle: true, questionSet: "per-student", timeMultipliers: {} });

describe.each(availableProviders())("a student's class reads on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("count the classes the student is in now and not archived, with their own extension, per deck", async () => {
    t = await seededDb(provider);
    const db = t.db;
    const teacher = await makeUser(db, { role: "teacher", name: "T" });
    const ani = await makeUser(db, { name: "Ani" });
    const boris = await makeUser(db, { name: "Boris" });
    const facts = (await db.fact.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 5 })).map((f) => f.id);
    const classes = [
      { id: "active", name: "8A", archivedAt: null, leftAt: null },
      { id: "second", name: "8B", archivedAt: null, leftAt: null },
      { id: "archived", name: "Old", archivedAt: day(-1), leftAt: null },
      { id: "left", name: "Left", archivedAt: null, leftAt: day(-2) },
    ];
    for (const [i, c] of classes.entries()) {
      await db.classroom.create({ data: { id: c.id, teacherId: teacher.id, name: c.name, joinCode: `CLASSRD${i}`, archivedAt: c.archivedAt, timeZone: i === 1 ? "Asia/Yerevan" : "UTC" } });
      await db.classMember.create({ data: { classId: c.id, userId: ani.id, leftAt: c.leftAt } });
      await db.classMember.create({ data: { classId: c.id, userId: boris.id } });
      await db.assignment.create({ data: { id: `${c.id}-review`, classId: c.id, deckId: "sept-2023", kind: "review", title: `${c.name} review`, openAt: day(-5), dueAt: day(10 - i), seed: "s" } });
      await db.hiddenFact.create({ data: { classId: c.id, factId: facts[i]!, hiddenBy: teacher.id, hiddenAt: T0 } });
    }
    // The active class also assigns another deck (review) and a quiz; the second class a quiz on a third deck.
    await db.assignment.create({ data: { id: "active-review-2", classId: "active", deckId: "everything", kind: "review", title: "8A everything", openAt: day(-5), dueAt: day(3), seed: "s" } });
    await db.assignment.create({ data: { id: "active-quiz", classId: "active", deckId: "sept-2023", kind: "quiz", title: "8A quiz", openAt: day(-5), dueAt: day(1), seed: "s", settingsJson: QUIZ } });
    await db.assignment.create({ data: { id: "second-quiz", classId: "second", deckId: "calls-meetings", kind: "quiz", title: "8B quiz", openAt: day(-5), dueAt: day(1), seed: "s", settingsJson: QUIZ } });
    await db.hiddenFact.create({ data: { classId: "active", factId: facts[4]!, hiddenBy: teacher.id, hiddenAt: T0 } });
    // Ani's extension of the active class's review puts it last; Boris's of the second class's is his alone.
    await db.assignmentExtension.create({ data: { assignmentId: "active-review", userId: ani.id, dueAt: day(20) } });
    await db.assignmentExtension.create({ data: { assignmentId: "second-review", userId: boris.id, dueAt: day(30) } });

    const all = await reviewAssignmentsOf(ani.id, "all", db);
    expect(all.map((a) => [a.id, a.dueAt.toISOString(), a.className, a.timeZone, a.deckId])).toEqual([
      ["active-review-2", day(3).toISOString(), "8A", "UTC", "everything"],
      ["second-review", day(9).toISOString(), "8B", "Asia/Yerevan", "sept-2023"],
      ["active-review", day(20).toISOString(), "8A", "UTC", "sept-2023"],
    ]);
    expect(all[0]!.openAt.toISOString()).toBe(day(-5).toISOString());
    expect((await reviewAssignmentsOf(ani.id, ["sept-2023"], db)).map((a) => a.id)).toEqual(["second-review", "active-review"]);
    expect(await reviewAssignmentsOf(ani.id, [], db)).toEqual([]);
    expect((await reviewAssignmentsOf(boris.id, ["sept-2023"], db)).map((a) => [a.id, a.dueAt.toISOString()])).toEqual([
      ["left-review", day(7).toISOString()],
      ["active-review", day(10).toISOString()],
      ["second-review", day(30).toISOString()],
    ]);

    // The dashboard's list: every kind, the same classes, the extension marked as Ani's own.
    const listed = await listStudentAssignments(ani.id, T0, db);
    expect(listed.map((a) => [a.id, a.kind, a.className, a.dueAt.toISOString(), a.extended]).sort()).toEqual(
      [
        ["active-quiz", "quiz", "8A", day(1).toISOString(), false],
        ["active-review", "review", "8A", day(20).toISOString(), true],
        ["active-review-2", "review", "8A", day(3).toISOString(), false],
        ["second-quiz", "quiz", "8B", day(1).toISOString(), false],
        ["second-review", "review", "8B", day(9).toISOString(), false],
      ].sort(),
    );
    expect(listed.find((a) => a.id === "second-review")).toMatchObject({ timeZone: "Asia/Yerevan", openAt: day(-5), upcoming: false });
    expect((await listStudentAssignments(boris.id, T0, db)).find((a) => a.id === "second-review")).toMatchObject({ extended: true, dueAt: day(30) });

    // Hidden facts: the active and second classes' (both assigned sept-2023); for "everything" only the active class's.
    expect([...(await hiddenFactIdsForDeck(ani.id, "sept-2023", db))].sort()).toEqual([facts[0], facts[1], facts[4]].sort());
    expect([...(await hiddenFactIdsForDeck(ani.id, "everything", db))].sort()).toEqual([facts[0], facts[4]].sort());
    expect([...(await hiddenFactIdsForDeck(ani.id, "calls-meetings", db))]).toEqual([facts[1]]);
    expect([...(await hiddenFactIdsForDeck(ani.id, "war-2020", db))]).toEqual([]);
    const byDeck = await hiddenFactIdsByDeck(ani.id, db);
    expect(Object.fromEntries([...byDeck].map(([d, s]) => [d, [...s].sort()]))).toEqual({
      "sept-2023": [facts[0], facts[1], facts[4]].sort(),
      everything: [facts[0], facts[4]].sort(),
      "calls-meetings": [facts[1]],
    });
    // Boris is in every class but the archived one counts for nobody.
    expect([...(await hiddenFactIdsForDeck(boris.id, "sept-2023", db))].sort()).toEqual([facts[0], facts[1], facts[3], facts[4]].sort());
  });
});
