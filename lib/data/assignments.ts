import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb, type Db, type DbTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import type { Viewer } from "../auth/roles";
import { NotFound } from "../errors";
import type { Corpus } from "../content/schema";
import { defaultCorpus } from "./default-corpus";
import { QUESTION_TYPES } from "../generate/question";
import { assignmentSeeds, quizCapacity } from "../quiz/quiz-capacity";
import { safeParseAssignmentForm, type AssignmentForm, FEEDBACK_MODES, QUESTION_SETS } from "../classes/assignment-form";
import { assignmentStatus, type AssignmentStatus } from "../classes/assignment-status";
import { sortForDashboard } from "../classes/dashboard-order";
import { Invalid } from "../errors";
import { deckFactIds, listDecks } from "./decks";
import { ACTIVE_MEMBER, assertClassTeacher, assertWritable } from "./classes";
import { withAuditEntry } from "./class-audit";
import { assignmentEditProblems, type AssignmentActivity } from "../classes/assignment-edit";
import { parseExtensionDueAt } from "../classes/extension";
import { studentDueAt } from "../classes/student-due";
import { toDate, toDateOrNull } from "./review-reads";
import { studentAssignmentRows } from "./student-assignments-read";

/** Stand-in seeds for students who join after a per-student quiz is set (see `quizCapacity`). */
const CAPACITY_PROBES = 6;
/** Per-student draws checked at creation at most (each takes a few ms); the probes stand in for the rest. */
const CAPACITY_STUDENTS_MAX = 60;

/** Quiz settings as stored in `Assignment.settingsJson` (review assignments store `{}`). */
export const quizSettingsSchema = z.object({
  questionCount: z.number().int().min(1),
  types: z.array(z.enum(QUESTION_TYPES)).min(1),
  timeLimitMinutes: z.number().int().min(1).nullable(),
  attemptsAllowed: z.number().int().min(1),
  feedback: z.enum(FEEDBACK_MODES),
  shuffle: z.boolean(),
  questionSet: z.enum(QUESTION_SETS),
  timeMultipliers: z.record(z.string(), z.union([z.literal(1), z.literal(1.5), z.literal(2), z.literal("untimed")])),
});
export type StoredQuizSettings = z.output<typeof quizSettingsSchema>;

/** The stored quiz settings; a row that fails to parse is a bug, not input. */
export function readQuizSettings(json: string): StoredQuizSettings {
  return quizSettingsSchema.parse(JSON.parse(json));
}

export const assignmentSelect = {
  id: true,
  classId: true,
  deckId: true,
  kind: true,
  title: true,
  openAt: true,
  dueAt: true,
  settingsJson: true,
  seed: true,
  createdAt: true,
} as const satisfies Record<string, true>;

export type AssignmentRow = {
  id: string;
  classId: string;
  deckId: string;
  kind: string;
  title: string;
  openAt: Date;
  dueAt: Date;
  settingsJson: string;
  seed: string;
  createdAt: Date;
};

/**
 * Creates an assignment in one of the teacher's classes. The input is the
 * assignment form (lib/classes `assignmentFormSchema`, dates in the class's
 * time zone). A quiz also gets a seed, from which per-student questions or
 * the one fixed set are drawn, so the quiz can be replayed exactly.
 *
 * A quiz asking for more questions than the deck can supply with the chosen
 * types is refused (`questionCount`: "at most N …"), rather than accepted
 * and quietly cut short: N is what the assignment's seed can draw (fixed
 * set), or the smallest draw over the class's students and a few stand-ins
 * for students who join later (per-student sets).
 *
 * @throws Invalid with field errors (nothing saved); NotFound for a class that is not the viewer's.
 */
export async function createAssignment(
  viewer: Viewer,
  classId: string,
  input: unknown,
  opts: { corpus?: Corpus; now?: Date } = {},
  db: DbTx = getDb(),
): Promise<AssignmentRow> {
  const c = await assertClassTeacher(classId, viewer, db);
  assertWritable(c);
  const decks = await listDecks(db);
  const parsed = safeParseAssignmentForm(input, { timeZone: c.timeZone, decks, now: opts.now });
  if (!parsed.ok) throw Invalid.fields(parsed.fieldErrors);
  const form = parsed.data;
  const seed = randomUUID();
  await assertQuizFits(classId, form, seed, opts.corpus, db);
  return db.assignment.create({
    data: {
      id: randomUUID(),
      classId,
      deckId: form.deckId,
      kind: form.kind,
      title: form.title,
      openAt: form.openAt,
      dueAt: form.dueAt,
      settingsJson: JSON.stringify(settingsOf(form)),
      seed,
    },
    select: assignmentSelect,
  });
}

/**
 * A quiz's extra time names only students of the class, and its questions
 * fit the deck (see `createAssignment`). Nothing to check for a review.
 *
 * @throws Invalid with field errors.
 */
async function assertQuizFits(classId: string, form: AssignmentForm, seed: string, corpusIn: Corpus | undefined, db: DbTx): Promise<void> {
  if (form.kind !== "quiz") return;
  const memberIds = (await db.classMember.findMany({ where: { classId, ...ACTIVE_MEMBER }, select: { userId: true }, orderBy: { userId: "asc" } })).map((m) => m.userId);
  const members = new Set(memberIds);
  const stray = Object.keys(form.timeMultipliers).find((id) => !members.has(id));
  if (stray) throw Invalid.fields({ [`timeMultipliers.${stray}`]: "That student is not in this class." });
  const corpus = corpusIn ?? defaultCorpus();
  const capacity = quizCapacity(corpus, {
    factIds: await deckFactIds(form.deckId, corpus, db),
    types: form.types,
    seeds: assignmentSeeds({ seed, questionSet: form.questionSet, studentIds: memberIds.slice(0, CAPACITY_STUDENTS_MAX), probes: CAPACITY_PROBES }),
  });
  if (capacity === 0) throw Invalid.fields({ types: "No question of these types can be made from this deck. Tick more types, or choose another deck." });
  if (form.questionCount > capacity) {
    throw Invalid.fields({
      questionCount: `At most ${capacity} question${capacity === 1 ? "" : "s"} of these types in this deck${form.questionSet === "per-student" ? " (for every student's own set)" : ""}. Ask for ${capacity} or fewer, or tick more types.`,
    });
  }
}

/** The stored assignment as the form it was made from (`confirmPastDue` false). */
export function formOfRow(row: Pick<AssignmentRow, "kind" | "deckId" | "title" | "openAt" | "dueAt" | "settingsJson">): AssignmentForm {
  const common = { deckId: row.deckId, title: row.title, openAt: row.openAt, dueAt: row.dueAt, confirmPastDue: false };
  if (row.kind !== "quiz") return { kind: "review", ...common };
  return { kind: "quiz", ...common, ...readQuizSettings(row.settingsJson) };
}

/** What students have done on a quiz assignment so far (lib/classes `AssignmentActivity`). */
async function assignmentActivity(assignmentId: string, now: Date, db: DbTx): Promise<AssignmentActivity> {
  const groups = await db.quizAttempt.groupBy({ by: ["userId"], where: { assignmentId }, _count: { _all: true }, _min: { startedAt: true } });
  let firstStartedAt: Date | null = null;
  for (const g of groups) {
    const t = g._min.startedAt;
    if (t && (firstStartedAt === null || t.getTime() < firstStartedAt.getTime())) firstStartedAt = t;
  }
  return { studentsStarted: groups.length, mostAttempts: Math.max(0, ...groups.map((g) => g._count._all)), firstStartedAt, now };
}

/**
 * Edits an assignment of the viewer's: title, dates and settings, parsed by
 * the same form as `createAssignment` (a due date in the past needs
 * `confirmPastDue`, unless it is the stored one). Answers already given are
 * kept: an edit that would change what they answered is refused with the
 * reason by field (lib/classes `assignmentEditProblems`), and a change of the
 * questions (allowed while nobody has started) is checked against the deck
 * like a new quiz. Attempts already started keep their questions, time
 * limit and feedback; the new settings apply to attempts started after.
 * The check and the write are one transaction.
 *
 * @throws Invalid with field errors (nothing saved); NotFound for an assignment that is not the viewer's; Conflict for an archived class.
 */
export async function updateAssignment(viewer: Viewer, assignmentId: string, input: unknown, now: Date, opts: { corpus?: Corpus } = {}, db: Db = getDb()): Promise<AssignmentRow> {
  return db.$transaction(async (tx) => {
    const a = await assertAssignmentTeacher(assignmentId, viewer, tx);
    assertWritable(a.classroom);
    const decks = await listDecks(tx);
    const parsed = safeParseAssignmentForm(input, { timeZone: a.classroom.timeZone, decks, now, keepDueAt: a.dueAt });
    if (!parsed.ok) throw Invalid.fields(parsed.fieldErrors);
    const form = parsed.data;
    const before = formOfRow(a);
    const problems = assignmentEditProblems(before, form, await assignmentActivity(a.id, now, tx));
    if (Object.keys(problems).length > 0) throw Invalid.fields(problems);
    await assertQuizFits(a.classId, form, a.seed, opts.corpus, tx);
    return withAuditEntry({ classId: a.classId, actorId: viewer.id, action: "edit-assignment", targetId: a.id, targetName: form.title, at: now }, (t) =>
      t.assignment.update({
        where: { id: a.id },
        data: { deckId: form.deckId, title: form.title, openAt: form.openAt, dueAt: form.dueAt, settingsJson: JSON.stringify(settingsOf(form)) },
        select: assignmentSelect,
      }), tx);
  });
}

export type ExtensionRow = { studentId: string; name: string; dueAt: Date };

/** The extensions of an assignment (students still in the class), by name. */
export async function listExtensions(assignmentId: string, db: DbTx = getDb()): Promise<ExtensionRow[]> {
  const rows = await db.assignmentExtension.findMany({ where: { assignmentId }, select: { userId: true, dueAt: true, assignment: { select: { classId: true } } } });
  if (rows.length === 0) return [];
  const members = await db.classMember.findMany({
    where: { classId: rows[0]!.assignment.classId, userId: { in: rows.map((r) => r.userId) }, ...ACTIVE_MEMBER },
    select: { userId: true, user: { select: { name: true } } },
  });
  const names = new Map(members.map((m) => [m.userId, m.user.name]));
  return rows
    .flatMap((r) => (names.has(r.userId) ? [{ studentId: r.userId, name: names.get(r.userId)!, dueAt: r.dueAt }] : []))
    .sort((x, y) => x.name.localeCompare(y.name, "en") || (x.studentId < y.studentId ? -1 : 1));
}

/** Student id → extended due date, for the given students of one assignment. */
export async function extensionsFor(assignmentId: string, studentIds: readonly string[], db: DbTx = getDb()): Promise<Map<string, Date>> {
  if (studentIds.length === 0) return new Map();
  const rows = await db.assignmentExtension.findMany({ where: { assignmentId, userId: { in: [...studentIds] } }, select: { userId: true, dueAt: true } });
  return new Map(rows.map((r) => [r.userId, r.dueAt]));
}

/**
 * Gives one student of the class their own due date for an assignment,
 * typed in the class's zone and later than the assignment's due date
 * (lib/classes `parseExtensionDueAt`); setting it again replaces it.
 * Written with an audit entry.
 *
 * @throws Invalid (`dueAt`, `studentId`); NotFound; Conflict for an archived class.
 */
export async function setExtension(viewer: Viewer, assignmentId: string, studentId: string, localDueAt: string, db: DbTx = getDb()): Promise<{ classId: string; dueAt: Date }> {
  const a = await assertAssignmentTeacher(assignmentId, viewer, db);
  assertWritable(a.classroom);
  const member = await db.classMember.findFirst({ where: { classId: a.classId, userId: studentId, ...ACTIVE_MEMBER }, select: { user: { select: { name: true } } } });
  if (!member) throw Invalid.fields({ studentId: "That student is not in this class." });
  const dueAt = parseExtensionDueAt(localDueAt, a.classroom.timeZone, a.dueAt);
  await withAuditEntry({ classId: a.classId, actorId: viewer.id, action: "extend-assignment", targetId: studentId, targetName: `${member.user.name}: ${a.title}` }, (tx) =>
    tx.assignmentExtension.upsert({
      where: { assignmentId_userId: { assignmentId: a.id, userId: studentId } },
      create: { assignmentId: a.id, userId: studentId, dueAt },
      update: { dueAt },
      select: { dueAt: true },
    }), db);
  return { classId: a.classId, dueAt };
}

/** Takes a student's extension away (harmless when there is none): their due date is the assignment's again. */
export async function clearExtension(viewer: Viewer, assignmentId: string, studentId: string, db: DbTx = getDb()): Promise<{ cleared: boolean }> {
  const a = await assertAssignmentTeacher(assignmentId, viewer, db);
  assertWritable(a.classroom);
  const res = await db.assignmentExtension.deleteMany({ where: { assignmentId: a.id, userId: studentId } });
  return { cleared: res.count > 0 };
}

function settingsOf(form: AssignmentForm): StoredQuizSettings | Record<string, never> {
  if (form.kind === "review") return {};
  const { questionCount, types, timeLimitMinutes, attemptsAllowed, feedback, shuffle, questionSet, timeMultipliers } = form;
  return { questionCount, types, timeLimitMinutes, attemptsAllowed, feedback, shuffle, questionSet, timeMultipliers };
}

/** Deletes an assignment of the viewer's (attempts already made keep their results but lose the link). */
export async function deleteAssignment(viewer: Viewer, assignmentId: string, db: DbTx = getDb()): Promise<{ classId: string }> {
  const a = await assertAssignmentTeacher(assignmentId, viewer, db);
  assertWritable(a.classroom);
  await withAuditEntry({ classId: a.classId, actorId: viewer.id, action: "delete-assignment", targetId: a.id, targetName: a.title || a.deckId }, (tx) =>
    tx.assignment.delete({ where: { id: a.id }, select: { id: true } }), db);
  return { classId: a.classId };
}

/** The assignment with its class, if `viewer` teaches that class; NotFound otherwise (existence not revealed). */
export async function assertAssignmentTeacher(assignmentId: string, viewer: Viewer | null, db: DbTx = getDb()) {
  const row = await db.assignment.findUnique({ where: { id: assignmentId }, select: { ...assignmentSelect, classroom: { select: { id: true, teacherId: true, name: true, timeZone: true, archivedAt: true } } } });
  if (!row || !viewer || viewer.role !== "teacher" || row.classroom.teacherId !== viewer.id) throw new NotFound("No such assignment.");
  return row;
}

/** A class's assignments, soonest due first. */
export async function listClassAssignments(classId: string, db: DbTx = getDb()): Promise<AssignmentRow[]> {
  return db.assignment.findMany({ where: { classId }, select: assignmentSelect, orderBy: [{ dueAt: "asc" }, { title: "asc" }, { id: "asc" }] });
}

/** Deck id → ids of its current cards. */
export async function deckCardIds(deckIds: readonly string[], db: DbTx = getDb()): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(deckIds.map((d) => [d, []]));
  if (deckIds.length === 0) return out;
  // Raw: the dashboard of a student in a class asks on every visit (a model query is compiled afresh each time).
  const rows = await db.$queryRaw<{ deckId: string; cardId: string }[]>`
    SELECT m."deckId", m."cardId" FROM "DeckCard" m JOIN "Card" c ON c."id" = m."cardId"
    WHERE m."deckId" IN (${Prisma.join([...new Set(deckIds)])}) AND c."retired" = ${false}`;
  for (const r of rows) out.get(r.deckId)?.push(r.cardId);
  return out;
}

/**
 * Per student and card, the first time the card was studied: the earliest
 * review that was not undone (a CardState row appears with that review), as
 * `ReviewCardSummary` keeps it.
 */
async function firstStudied(userIds: readonly string[], cardIds: readonly string[], db: DbTx = getDb()): Promise<Map<string, Map<string, Date>>> {
  const out = new Map<string, Map<string, Date>>();
  if (userIds.length === 0 || cardIds.length === 0) return out;
  // Every card of the students, the wanted ones kept here: cheaper than binding each card id.
  const wanted = new Set(cardIds);
  const rows = await db.$queryRaw<{ userId: string; cardId: string; firstAt: unknown }[]>`
    SELECT "userId", "cardId", "firstAt" FROM "ReviewCardSummary" WHERE "userId" IN (${Prisma.join([...userIds])})`;
  for (const r of rows) {
    if (!wanted.has(r.cardId)) continue;
    let m = out.get(r.userId);
    if (!m) out.set(r.userId, (m = new Map()));
    m.set(r.cardId, toDate(r.firstAt));
  }
  return out;
}

export type StudentAssignment = {
  id: string;
  title: string;
  kind: "review" | "quiz";
  deckId: string;
  className: string;
  /** The class's zone, in which its dates are shown. */
  timeZone: string;
  openAt: Date;
  /** The student's own due date: their extension when they have one (`studentDueAt`). */
  dueAt: Date;
  /** True when `dueAt` is the student's extension rather than the class's date. */
  extended: boolean;
  /** Not open yet: shown, but cannot be started. */
  upcoming: boolean;
  status: AssignmentStatus;
  /** Quiz: finished attempts and the limit. */
  attemptsUsed: number;
  attemptsAllowed: number | null;
  /** Quiz: an attempt still open, to resume. */
  openAttemptId: string | null;
  bestScore: number | null;
};

/**
 * The student's assignments in their active (not archived) classes, in
 * dashboard order (due date, then title), each with its status at `now`
 * (lib/classes `assignmentStatus`). A read only: quiz attempts whose time
 * ran out count as done, with a score, once the page has run
 * `finishExpiredAttempts` for the student first.
 */
export async function listStudentAssignments(userId: string, now: Date, db: DbTx = getDb()): Promise<StudentAssignment[]> {
  const rows = await studentAssignmentRows(userId, {}, db);
  if (rows.length === 0) return [];
  const reviewDecks = rows.filter((r) => r.kind === "review").map((r) => r.deckId);
  const cardsByDeck = await deckCardIds(reviewDecks, db);
  const studied = (await firstStudied([userId], [...new Set([...cardsByDeck.values()].flat())], db)).get(userId) ?? new Map<string, Date>();
  const quizIds = rows.filter((r) => r.kind === "quiz").map((r) => r.id);
  const attempts = (
    quizIds.length === 0
      ? []
      : await db.$queryRaw<{ id: string; assignmentId: string; startedAt: unknown; finishedAt: unknown; score: unknown; maxScore: unknown }[]>`
          SELECT "id", "assignmentId", "startedAt", "finishedAt", "score", "maxScore" FROM "QuizAttempt"
          WHERE "userId" = ${userId} AND "assignmentId" IN (${Prisma.join(quizIds)})`
  ).map((a) => ({ ...a, startedAt: toDate(a.startedAt), finishedAt: toDateOrNull(a.finishedAt), score: a.score === null ? null : Number(a.score), maxScore: Number(a.maxScore) }));

  const out = rows.map((r): StudentAssignment => {
    // The student's own due date: an extension, when they have one (lib/classes `studentDueAt`).
    const dueAt = studentDueAt(r.dueAt, r.extendedTo);
    const base = { id: r.id, title: r.title, deckId: r.deckId, className: r.className, timeZone: r.timeZone, openAt: r.openAt, dueAt, extended: dueAt !== r.dueAt, upcoming: r.openAt.getTime() > now.getTime() };
    if (r.kind === "quiz") {
      const settings = readQuizSettings(r.settingsJson);
      const mine = attempts.filter((a) => a.assignmentId === r.id);
      const finished = mine.filter((a) => a.finishedAt !== null);
      const scores = finished.flatMap((a) => (a.score !== null && a.maxScore > 0 ? [a.score / a.maxScore] : []));
      return {
        ...base,
        kind: "quiz",
        status: assignmentStatus({ kind: "quiz", dueAt, now, progress: { attempts: mine } }),
        attemptsUsed: mine.length,
        attemptsAllowed: settings.attemptsAllowed,
        openAttemptId: mine.find((a) => a.finishedAt === null)?.id ?? null,
        bestScore: scores.length ? Math.max(...scores) : null,
      };
    }
    const cards = cardsByDeck.get(r.deckId) ?? [];
    const firstStudiedAt = cards.flatMap((id) => {
      const d = studied.get(id);
      return d ? [d] : [];
    });
    return {
      ...base,
      kind: "review",
      status: assignmentStatus({ kind: "review", dueAt, now, progress: { totalCards: cards.length, firstStudiedAt } }),
      attemptsUsed: 0,
      attemptsAllowed: null,
      openAttemptId: null,
      bestScore: null,
    };
  });
  return sortForDashboard(out);
}

/** An assignment a student may see (they are in its active class), with their roster entry. */
export async function assignmentForStudent(assignmentId: string, userId: string, db: DbTx = getDb()) {
  const row = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: { ...assignmentSelect, classroom: { select: { archivedAt: true, members: { where: { userId, ...ACTIVE_MEMBER }, select: { timeMultiplier: true } } } } },
  });
  const member = row?.classroom.members[0];
  if (!row || !member || row.classroom.archivedAt) throw new NotFound("No such assignment.");
  return { ...row, rosterMultiplier: member.timeMultiplier };
}

/** How many upcoming assignments the teacher's dashboard lists. */
const UPCOMING_SHOWN = 8;

/** Upcoming (not yet due) assignments across a teacher's active classes, soonest first. */
export async function listTeacherUpcoming(teacherId: string, now: Date, db: DbTx = getDb()) {
  return db.assignment.findMany({
    where: { dueAt: { gte: now }, classroom: { teacherId, archivedAt: null } },
    select: { ...assignmentSelect, classroom: { select: { name: true } } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: UPCOMING_SHOWN,
  });
}
