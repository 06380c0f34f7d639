import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb, type DbTx } from "../db";
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
export async function createAssignment(viewer: Viewer, classId: string, input: unknown, opts: { corpus?: Corpus } = {}, db: DbTx = getDb()): Promise<AssignmentRow> {
  const c = await assertClassTeacher(classId, viewer, db);
  assertWritable(c);
  const decks = await listDecks(db);
  const parsed = safeParseAssignmentForm(input, { timeZone: c.timeZone, decks });
  if (!parsed.ok) throw Invalid.fields(parsed.fieldErrors);
  const form = parsed.data;
  const seed = randomUUID();
  if (form.kind === "quiz") {
    const memberIds = (await db.classMember.findMany({ where: { classId, ...ACTIVE_MEMBER }, select: { userId: true }, orderBy: { userId: "asc" } })).map((m) => m.userId);
    const members = new Set(memberIds);
    const stray = Object.keys(form.timeMultipliers).find((id) => !members.has(id));
    if (stray) throw Invalid.fields({ [`timeMultipliers.${stray}`]: "That student is not in this class." });
    const corpus = opts.corpus ?? defaultCorpus();
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
  const rows = await db.deckCard.findMany({ where: { deckId: { in: [...new Set(deckIds)] }, card: { retired: false } }, select: { deckId: true, cardId: true } });
  const out = new Map<string, string[]>(deckIds.map((d) => [d, []]));
  for (const r of rows) out.get(r.deckId)?.push(r.cardId);
  return out;
}

/**
 * Per student and card, the first time the card was studied: the earliest
 * review that was not undone (a CardState row appears with that review).
 */
async function firstStudied(userIds: readonly string[], cardIds: readonly string[], db: DbTx = getDb()): Promise<Map<string, Map<string, Date>>> {
  const out = new Map<string, Map<string, Date>>();
  if (userIds.length === 0 || cardIds.length === 0) return out;
  const rows = await db.reviewLog.groupBy({
    by: ["userId", "cardId"],
    where: { userId: { in: [...userIds] }, cardId: { in: [...cardIds] }, undoneAt: null },
    _min: { reviewedAt: true },
  });
  for (const r of rows) {
    if (!r._min.reviewedAt) continue;
    let m = out.get(r.userId);
    if (!m) out.set(r.userId, (m = new Map()));
    m.set(r.cardId, r._min.reviewedAt);
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
  dueAt: Date;
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
  const rows = await db.assignment.findMany({
    where: { classroom: { archivedAt: null, members: { some: { userId, ...ACTIVE_MEMBER } } } },
    select: { ...assignmentSelect, classroom: { select: { name: true, timeZone: true } } },
  });
  if (rows.length === 0) return [];
  const reviewDecks = rows.filter((r) => r.kind === "review").map((r) => r.deckId);
  const cardsByDeck = await deckCardIds(reviewDecks, db);
  const studied = (await firstStudied([userId], [...new Set([...cardsByDeck.values()].flat())], db)).get(userId) ?? new Map<string, Date>();
  const attempts = await db.quizAttempt.findMany({
    where: { userId, assignmentId: { in: rows.filter((r) => r.kind === "quiz").map((r) => r.id) } },
    select: { id: true, assignmentId: true, startedAt: true, finishedAt: true, score: true, maxScore: true },
  });

  const out = rows.map((r): StudentAssignment => {
    const base = { id: r.id, title: r.title, deckId: r.deckId, className: r.classroom.name, timeZone: r.classroom.timeZone, openAt: r.openAt, dueAt: r.dueAt, upcoming: r.openAt.getTime() > now.getTime() };
    if (r.kind === "quiz") {
      const settings = readQuizSettings(r.settingsJson);
      const mine = attempts.filter((a) => a.assignmentId === r.id);
      const finished = mine.filter((a) => a.finishedAt !== null);
      const scores = finished.flatMap((a) => (a.score !== null && a.maxScore > 0 ? [a.score / a.maxScore] : []));
      return {
        ...base,
        kind: "quiz",
        status: assignmentStatus({ kind: "quiz", dueAt: r.dueAt, now, progress: { attempts: mine } }),
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
      status: assignmentStatus({ kind: "review", dueAt: r.dueAt, now, progress: { totalCards: cards.length, firstStudiedAt } }),
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
