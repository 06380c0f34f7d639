import { randomUUID, getRandomValues } from "node:crypto";
import { getDb, type DbTx } from "../db";
import type { Viewer } from "../auth/roles";
import { Conflict, Forbidden, Invalid, NotFound, RateLimited } from "../errors";
import { generateJoinCode, normaliseJoinCode } from "../classes/join-code";
import type { ClassForm } from "../classes/class-form";
import { parseStoredMultiplier, type TimeMultiplier } from "../classes/time-multiplier";
import { isUniqueViolation } from "./unique-violation";
import { ARCHIVED_CLASS_MESSAGE } from "../classes/archived-class";
import { returnSlot, takeSlot } from "./limits";
import { withAuditEntry } from "./class-audit";

/** The class fields pages and rules read. */
export const classSelect = {
  id: true,
  teacherId: true,
  name: true,
  termStart: true,
  termEnd: true,
  timeZone: true,
  joinCode: true,
  archivedAt: true,
  createdAt: true,
} as const satisfies Record<string, true>;

export type ClassRow = {
  id: string;
  teacherId: string;
  name: string;
  termStart: string | null;
  termEnd: string | null;
  timeZone: string;
  joinCode: string;
  archivedAt: Date | null;
  createdAt: Date;
};

const NO_SUCH_CLASS = "No such class.";

/**
 * A membership row stays when a student leaves or is removed (`leftAt` is
 * set), so rejoining keeps the extra time the teacher gave them; every
 * query about who is in a class reads only rows without `leftAt`.
 */
export const ACTIVE_MEMBER = { leftAt: null } as const;


/**
 * The class, if `viewer` is its teacher. Anyone else — a student, another
 * teacher, nobody — gets NotFound, the same answer as for an id that does not
 * exist, so a class's existence is never revealed to outsiders.
 */
export async function assertClassTeacher(classId: string, viewer: Viewer | null, db: DbTx = getDb()): Promise<ClassRow> {
  if (!viewer || viewer.role !== "teacher") throw new NotFound(NO_SUCH_CLASS);
  const row = await db.classroom.findUnique({ where: { id: classId }, select: classSelect });
  if (!row || row.teacherId !== viewer.id) throw new NotFound(NO_SUCH_CLASS);
  return row;
}

/** Archived classes are read-only: every change is refused until the teacher restores the class. */
export function assertWritable(c: Pick<ClassRow, "archivedAt">): void {
  if (c.archivedAt) throw new Conflict("This class is archived, so it is read-only. Restore it to make changes.");
}

const randomBytes = (n: number) => getRandomValues(new Uint8Array(n));

/** A join code no class uses yet (30⁸ codes make a clash all but impossible; the unique index settles races). */
async function freshJoinCode(db: DbTx): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = generateJoinCode(randomBytes);
    if (!(await db.classroom.findUnique({ where: { joinCode: code }, select: { id: true } }))) return code;
  }
  throw new Error("could not find an unused join code");
}

/** Creates a class taught by `viewer` (a teacher) from a validated form, with a fresh join code. */
export async function createClass(viewer: Viewer, form: ClassForm, db: DbTx = getDb()): Promise<ClassRow> {
  if (viewer.role !== "teacher") throw new Forbidden("Only teachers can do this.");
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.classroom.create({
        data: { id: randomUUID(), teacherId: viewer.id, ...form, joinCode: await freshJoinCode(db) },
        select: classSelect,
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 2) throw e;
    }
  }
}

/** Replaces the join code: the old code (and every link made with it) stops working at once. */
export async function rotateJoinCode(classId: string, viewer: Viewer, db: DbTx = getDb()): Promise<string> {
  const c = await assertClassTeacher(classId, viewer, db);
  assertWritable(c);
  for (let attempt = 0; ; attempt++) {
    try {
      const code = await freshJoinCode(db);
      await withAuditEntry({ classId: c.id, actorId: viewer.id, action: "rotate-join-code" }, (tx) =>
        tx.classroom.update({ where: { id: c.id }, data: { joinCode: code }, select: { id: true } }), db);
      return code;
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 2) throw e;
    }
  }
}

/** Archives (read-only, join code off) or restores a class. */
export async function setClassArchived(classId: string, viewer: Viewer, archived: boolean, now: Date, db: DbTx = getDb()): Promise<void> {
  const c = await assertClassTeacher(classId, viewer, db);
  const write = (tx: DbTx) => tx.classroom.update({ where: { id: c.id }, data: { archivedAt: archived ? (c.archivedAt ?? now) : null }, select: { id: true } });
  // Logged when it changes something (archiving an archived class is not a new action).
  if (Boolean(c.archivedAt) === archived) await write(db);
  else await withAuditEntry({ classId: c.id, actorId: viewer.id, action: archived ? "archive" : "restore", at: now }, write, db);
}

/** A teacher's classes, active first then archived, each by name, with roster and assignment counts. */
export async function listTeacherClasses(teacherId: string, db: DbTx = getDb()) {
  const rows = await db.classroom.findMany({
    where: { teacherId },
    select: { ...classSelect, _count: { select: { members: { where: ACTIVE_MEMBER }, assignments: true } } },
  });
  return rows
    .map(({ _count, ...c }) => ({ ...c, memberCount: _count.members, assignmentCount: _count.assignments }))
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || a.name.localeCompare(b.name, "en") || (a.id < b.id ? -1 : 1));
}

export type RosterRow = { userId: string; name: string; joinedAt: Date; timeMultiplier: TimeMultiplier };

/** The class's students by name. Names only: a teacher does not need their e-mail addresses here. */
export async function listRoster(classId: string, db: DbTx = getDb()): Promise<RosterRow[]> {
  const rows = await db.classMember.findMany({
    where: { classId, ...ACTIVE_MEMBER },
    select: { userId: true, joinedAt: true, timeMultiplier: true, user: { select: { name: true } } },
  });
  return rows
    .map((r) => ({ userId: r.userId, name: r.user.name, joinedAt: r.joinedAt, timeMultiplier: parseStoredMultiplier(r.timeMultiplier) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || (a.userId < b.userId ? -1 : 1));
}

/**
 * Removes a student from the class (the row is kept with `leftAt`, so a
 * later rejoin keeps their extra time); their own study history stays theirs.
 *
 * @throws NotFound for a class that is not the viewer's, or a student not on its roster; Conflict when archived.
 */
export async function removeMember(classId: string, studentId: string, viewer: Viewer, now: Date, db: DbTx = getDb()): Promise<void> {
  const c = await assertClassTeacher(classId, viewer, db);
  assertWritable(c);
  const entry = (name: string | null) => ({ classId: c.id, actorId: viewer.id, action: "remove-student" as const, targetId: studentId, targetName: name, at: now });
  await withAuditEntry(entry, async (tx) => {
    const res = await tx.classMember.updateMany({ where: { classId: c.id, userId: studentId, ...ACTIVE_MEMBER }, data: { leftAt: now } });
    if (res.count === 0) throw new NotFound("That student is not in this class.");
    return (await tx.user.findUnique({ where: { id: studentId }, select: { name: true } }))?.name ?? null;
  }, db);
}

/** Sets one student's extra time on timed quizzes (1, 1.5, 2 or untimed). */
export async function setMemberTimeMultiplier(classId: string, studentId: string, multiplier: TimeMultiplier, viewer: Viewer, db: DbTx = getDb()): Promise<void> {
  const c = await assertClassTeacher(classId, viewer, db);
  assertWritable(c);
  const res = await db.classMember.updateMany({ where: { classId: c.id, userId: studentId, ...ACTIVE_MEMBER }, data: { timeMultiplier: String(multiplier) } });
  if (res.count === 0) throw new NotFound("That student is not in this class.");
}

export type JoinOutcome = { classId: string; className: string; alreadyMember: boolean };

export type JoinableClass = { id: string; name: string; teacherName: string; joinCode: string };

/**
 * Wrong join codes a student may try: `max` failed lookups (a well-formed
 * code that opens no class, or one whose class has ended) within
 * `windowSeconds` of the last one; then every lookup is refused until the
 * window has passed. 30⁸ codes and 10 guesses per 10 minutes make guessing
 * a class's code hopeless. Counted per student in better-auth's RateLimit
 * table (shared by every app server), under keys of our own.
 */
export const JOIN_FAILURE_LIMIT = { windowSeconds: 10 * 60, max: 10 } as const;

const joinKey = (userId: string) => `join-code:${userId}`;

/** Too many wrong codes: a 429 whose message says when to try again, in minutes. */
export class TooManyJoinCodes extends RateLimited {
  override name = "TooManyJoinCodes";
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, `Too many wrong codes. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} min.`);
  }
}

/** What a join code (typed, or from a link) points at. No rate limit: callers acting for a person use `lookUpJoinCode`. */
async function findClassByCode(rawCode: string, now: Date, db: DbTx = getDb()): Promise<JoinableClass> {
  const code = normaliseJoinCode(rawCode);
  const c = await db.classroom.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true, joinCode: true, archivedAt: true, termEnd: true, timeZone: true, teacher: { select: { name: true } } },
  });
  if (!c) {
    throw Invalid.fields({
      joinCode: "No class uses this code. Teachers can replace a code, which stops the old one working — check it, or ask your teacher for the current code.",
    });
  }
  if (c.archivedAt || (c.termEnd !== null && c.termEnd < localDate(now, c.timeZone))) {
    throw Invalid.fields({ joinCode: "This code has expired: its class has ended or been archived. Ask your teacher for a current code." });
  }
  return { id: c.id, name: c.name, teacherName: c.teacher.name, joinCode: c.joinCode };
}

/**
 * `findClassByCode` for a signed-in person, under `JOIN_FAILURE_LIMIT`: a
 * student who is locked out is refused before the code is looked at, and a
 * well-formed code that opens nothing counts against them (a malformed one
 * is a typing mistake, never looked up, and does not count).
 *
 * @throws TooManyJoinCodes when locked out; Invalid (`joinCode`) for a malformed, unknown, rotated or expired code.
 */
export async function lookUpJoinCode(viewer: Viewer, rawCode: string, now: Date, db: DbTx = getDb()): Promise<JoinableClass> {
  return lookUpUnderLimit(joinKey(viewer.id), rawCode, now, db);
}

/**
 * `lookUpJoinCode` for a join link opened while signed out, so the page can
 * say which class and teacher it is for before sign-in: the same limit on
 * wrong codes, counted per client address (`address`, from
 * lib/auth `clientAddress`) instead of per account.
 */
export async function peekJoinCode(address: string, rawCode: string, now: Date, db: DbTx = getDb()): Promise<JoinableClass> {
  return lookUpUnderLimit(`join-code-peek:${address}`, rawCode, now, db);
}

async function lookUpUnderLimit(key: string, rawCode: string, now: Date, db: DbTx): Promise<JoinableClass> {
  const code = normaliseJoinCode(rawCode);
  // Each lookup takes a slot first (atomic: 100 concurrent wrong codes get 10 lookups); one that finds a class gives it back.
  const slot = await takeSlot(key, JOIN_FAILURE_LIMIT, now, db);
  if (!slot.ok) throw new TooManyJoinCodes(slot.retryAfterSeconds);
  try {
    const found = await findClassByCode(code, now, db);
    await returnSlot(key, db);
    return found;
  } catch (e) {
    if (!(e instanceof Invalid)) await returnSlot(key, db);
    throw e;
  }
}

/** "YYYY-MM-DD" as the class's clocks read at `now`. */
function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * Puts a student in the class the code belongs to. Joining twice is
 * harmless; rejoining after leaving (or being removed) brings back the
 * membership row with its extra-time setting. Only student accounts join:
 * a class has one teacher, and a code never makes anyone a teacher of it.
 *
 * @throws Invalid (`joinCode`) for a malformed, unknown, rotated or expired code; TooManyJoinCodes after too many wrong ones.
 */
export async function joinClassByCode(viewer: Viewer, rawCode: string, now: Date, db: DbTx = getDb()): Promise<JoinOutcome> {
  if (viewer.role !== "student") {
    throw new Invalid("Join codes are for student accounts. Sign in as a student to join a class.", {
      joinCode: "Join codes are for student accounts. Sign in as a student to join a class.",
    });
  }
  const c = await lookUpJoinCode(viewer, rawCode, now, db);
  const existing = await db.classMember.findUnique({ where: { classId_userId: { classId: c.id, userId: viewer.id } }, select: { leftAt: true } });
  if (existing && existing.leftAt === null) return { classId: c.id, className: c.name, alreadyMember: true };
  if (existing) {
    // Back after leaving: same row, same extra time. Only the request that flips leftAt counts as the join.
    const back = await db.classMember.updateMany({ where: { classId: c.id, userId: viewer.id, leftAt: { not: null } }, data: { leftAt: null, joinedAt: now } });
    return { classId: c.id, className: c.name, alreadyMember: back.count === 0 };
  }
  try {
    await db.classMember.create({ data: { classId: c.id, userId: viewer.id, joinedAt: now }, select: { classId: true } });
  } catch (e) {
    // Two taps at once: the other request made the membership.
    if (!isUniqueViolation(e)) throw e;
    return { classId: c.id, className: c.name, alreadyMember: true };
  }
  return { classId: c.id, className: c.name, alreadyMember: false };
}

/**
 * The student leaves a class. The row stays (with `leftAt`) so a rejoin
 * keeps their extra time. Leaving one they are not in is harmless
 * (`left: false`); an archived class is read-only, so leaving it is refused.
 *
 * @throws Conflict (ARCHIVED_CLASS_MESSAGE) when the class is archived.
 */
export async function leaveClass(viewer: Viewer, classId: string, now: Date, db: DbTx = getDb()): Promise<{ left: boolean }> {
  const m = await db.classMember.findUnique({
    where: { classId_userId: { classId, userId: viewer.id } },
    select: { leftAt: true, classroom: { select: { archivedAt: true } } },
  });
  if (!m || m.leftAt !== null) return { left: false };
  if (m.classroom.archivedAt) throw new Conflict(ARCHIVED_CLASS_MESSAGE);
  const res = await db.classMember.updateMany({ where: { classId, userId: viewer.id, ...ACTIVE_MEMBER }, data: { leftAt: now } });
  return { left: res.count > 0 };
}

/** The classes a student is in, by name. */
export async function listStudentClasses(userId: string, db: DbTx = getDb()) {
  // Raw, from the student's memberships (the dashboard asks on every visit; a model query is compiled afresh each time).
  const rows = await db.$queryRaw<{ id: string; name: string; archivedAt: unknown; teacherName: string }[]>`
    SELECT c."id", c."name", c."archivedAt", t."name" AS "teacherName"
    FROM "ClassMember" m JOIN "Classroom" c ON c."id" = m."classId" JOIN "User" t ON t."id" = c."teacherId"
    WHERE m."userId" = ${userId} AND m."leftAt" IS NULL`;
  return rows
    .map((r) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null, teacherName: r.teacherName }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || (a.id < b.id ? -1 : 1));
}

/** Whether `teacherId` teaches a class `studentId` is in (for lib/auth `requireSelfOrTeacherOf`). */
export async function teachesStudent(teacherId: string, studentId: string, db: DbTx = getDb()): Promise<boolean> {
  const row = await db.classMember.findFirst({ where: { userId: studentId, ...ACTIVE_MEMBER, classroom: { teacherId } }, select: { classId: true } });
  return row !== null;
}

const DEMO_CLASS_ID = "demo-class";
const DEMO_ASSIGNMENT_ID = "demo-review";
const DAY_MS = 86_400_000;

/**
 * The demo class: "Demo class 7B", taught by the demo teacher, with every
 * demo student, in UTC, and one review assignment (the September 2023 deck,
 * due a fortnight after the seed first ran). Created once; a later run only
 * adds missing members and changes nothing else (a teacher may have rotated
 * its code meanwhile). Returns null when the demo teacher does not exist.
 */
export async function ensureDemoClass(
  input: { teacherEmail: string; studentEmails: readonly string[]; now: Date },
  db: DbTx = getDb(),
): Promise<{ created: boolean; added: number } | null> {
  const teacher = await db.user.findUnique({ where: { email: input.teacherEmail }, select: { id: true } });
  if (!teacher) return null;
  let created = false;
  if (!(await db.classroom.findUnique({ where: { id: DEMO_CLASS_ID }, select: { id: true } }))) {
    await db.classroom.create({
      data: { id: DEMO_CLASS_ID, teacherId: teacher.id, name: "Demo class 7B", timeZone: "UTC", joinCode: await freshJoinCode(db) },
      select: { id: true },
    });
    created = true;
  }
  const deck = await db.deck.findFirst({ where: { id: { in: ["sept-2023", "everything"] } }, select: { id: true }, orderBy: { position: "desc" } });
  if (deck && !(await db.assignment.findUnique({ where: { id: DEMO_ASSIGNMENT_ID }, select: { id: true } }))) {
    await db.assignment.create({
      data: {
        id: DEMO_ASSIGNMENT_ID,
        classId: DEMO_CLASS_ID,
        deckId: deck.id,
        kind: "review",
        title: "Review: September 2023",
        openAt: input.now,
        dueAt: new Date(input.now.getTime() + 14 * DAY_MS),
        settingsJson: "{}",
        seed: DEMO_ASSIGNMENT_ID,
      },
      select: { id: true },
    });
  }
  const students = await db.user.findMany({ where: { email: { in: [...input.studentEmails] } }, select: { id: true } });
  const members = new Set((await db.classMember.findMany({ where: { classId: DEMO_CLASS_ID }, select: { userId: true } })).map((m) => m.userId));
  let added = 0;
  for (const s of students) {
    if (members.has(s.id)) continue;
    await db.classMember.create({ data: { classId: DEMO_CLASS_ID, userId: s.id, joinedAt: input.now }, select: { classId: true } });
    added++;
  }
  return { created, added };
}
