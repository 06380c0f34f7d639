import { z } from "zod";
import { getDb, type DbTx } from "../db";
import type { Viewer } from "../auth/roles";
import { assignmentReport, type AssignmentReportRow, type ReportStudent } from "../reports/assignment-report";
import { reviewProgressReport } from "../reports/review-progress";
import { studentDueAt } from "../classes/student-due";
import { isLate } from "../classes/late";
import { analyseItems, type ItemStats } from "../reports/item-analysis";
import { itemScores } from "../reports/item-scores";
import { factKnowledgeFromSums, type FactKnowledgeRow } from "../reports/fact-knowledge";
import { clampCredit } from "../quiz/answer-credit";
import { ACTIVE_MEMBER, assertClassTeacher } from "./classes";
import { assertAssignmentTeacher, assignmentSelect, deckCardIds, extensionsFor, readQuizSettings } from "./assignments";
import { finishExpiredAttempts } from "./quiz-attempts";
import { assignmentAttemptsOf, deckRecallOf, factKnowledgeSumsOf, reviewSummariesOf } from "./report-reads";
import { NotFound } from "../errors";
import type { Question } from "../generate/question";
import { optionCounts, type OptionCounts } from "../reports/option-counts";
import { parseStored, storedQuizSnapshotSchema, storedResponseSchema } from "../quiz/stored-quiz";
import { itemMarksOfClass } from "./item-reports";

/** What reports read from a stored quiz snapshot: each question's id, prompt, type and facts. */
const snapshotQuestionsSchema = z.object({
  questions: z.array(z.object({ id: z.string(), prompt: z.string(), type: z.string(), factIds: z.array(z.string()) })),
});
type SnapshotQuestion = z.output<typeof snapshotQuestionsSchema>["questions"][number];

/**
 * Snapshots never change once an attempt starts (lib/quiz `QuizSnapshot`),
 * so a parsed one can be kept for the life of the process, keyed by attempt.
 */
const snapshotCache = new Map<string, SnapshotQuestion[]>();
const SNAPSHOT_CACHE_MAX = 20_000;

function snapshotQuestions(attemptId: string, json: string): SnapshotQuestion[] {
  const hit = snapshotCache.get(attemptId);
  if (hit) return hit;
  const questions = snapshotQuestionsSchema.parse(JSON.parse(json)).questions.map(({ id, prompt, type, factIds }) => ({ id, prompt, type, factIds }));
  if (snapshotCache.size >= SNAPSHOT_CACHE_MAX) snapshotCache.clear();
  snapshotCache.set(attemptId, questions);
  return questions;
}

/** Forget parsed snapshots (benchmarks measure the cold path with it). */
export function clearReportCaches(): void {
  snapshotCache.clear();
}

/**
 * The parsed snapshots of these attempts: from the process cache where
 * parsed before, the rest in one read. Taken from the cache up front, so a
 * concurrent cache clear cannot lose one.
 */
async function snapshotsOf(attemptIds: readonly string[], db: DbTx): Promise<Map<string, SnapshotQuestion[]>> {
  const out = new Map<string, SnapshotQuestion[]>();
  for (const id of attemptIds) {
    const hit = snapshotCache.get(id);
    if (hit) out.set(id, hit);
  }
  const needed = attemptIds.filter((id) => !out.has(id));
  if (needed.length) {
    const rows = await db.quizAttempt.findMany({ where: { id: { in: needed } }, select: { id: true, snapshotJson: true } });
    for (const r of rows) out.set(r.id, snapshotQuestions(r.id, r.snapshotJson));
  }
  return out;
}

async function classStudents(classId: string, db: DbTx) {
  const rows = await db.classMember.findMany({ where: { classId, ...ACTIVE_MEMBER }, select: { userId: true, user: { select: { name: true } } } });
  return rows
    .map((r) => ({ studentId: r.userId, name: r.user.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || (a.studentId < b.studentId ? -1 : 1));
}

/** Each student with their own due date when they have an extension (lib/classes `studentDueAt`). */
async function withExtensions(assignmentId: string, dueAt: Date, students: { studentId: string; name: string }[], db: DbTx): Promise<ReportStudent[]> {
  const ext = await extensionsFor(assignmentId, students.map((s) => s.studentId), db);
  return students.map((s) => (ext.has(s.studentId) ? { ...s, dueAt: studentDueAt(dueAt, ext.get(s.studentId)) } : s));
}

export type StudentReportRow = AssignmentReportRow & {
  /** Review: mean FSRS predicted recall over the deck cards the student has studied; null when none. */
  meanRecall: number | null;
};

export type ItemReportRow = ItemStats & { prompt: string; type: string; factIds: string[]; factLabels: string[] };

/** Item analysis with the fact as the item: every question on the fact, whoever was asked it. */
export type FactItemReportRow = ItemStats & { label: string; statement: string; questions: number };

export type AssignmentReportData = {
  assignment: Awaited<ReturnType<typeof assertAssignmentTeacher>>;
  deckTitle: string;
  rows: StudentReportRow[];
  /** Quiz only: one row per question put to anyone, in first-seen order. */
  items: ItemReportRow[];
  /** Quiz only: one row per fact asked about, in first-seen order (see `loadAssignmentReport`). */
  factItems: FactItemReportRow[];
  /**
   * Which table the flags ("check this …") come from: "questions" for one
   * fixed set (every student saw the same questions); "facts" for
   * per-student sets, where each question was put to one or two students
   * and only the fact, asked of everyone in one form or another, has
   * numbers worth reading.
   */
  itemsBy: "questions" | "facts";
  /** Quiz only: students whose first finished attempt feeds the item analysis. */
  itemStudents: number;
  /** Quiz only: the fewest and most questions any attempt held (a deck can hold fewer than asked for), or null before any attempt. */
  questionsAsked: { min: number; max: number } | null;
};

/**
 * The write an assignment report needs, as its own step before the read:
 * the assignment's quiz attempts whose time ran out are finished at their
 * deadline (lib/data quiz-attempts `finishExpiredAttempts`), so the report
 * shows them done with the score earned. NotFound unless `viewer` teaches it.
 */
export async function finishExpiredForAssignmentReport(viewer: Viewer, assignmentId: string, now: Date, db: DbTx = getDb()): Promise<number> {
  const a = await assertAssignmentTeacher(assignmentId, viewer, db);
  return a.kind === "quiz" ? finishExpiredAttempts({ assignmentId: a.id }, now, db) : 0;
}

/**
 * The write the teacher's dashboard needs before "Needs attention" is read:
 * the timed-out attempts of every open quiz assignment in the teacher's
 * active classes are finished at their deadline, in one batch.
 */
export async function finishExpiredForTeacherDashboard(viewer: Viewer, now: Date, db: DbTx = getDb()): Promise<number> {
  const quizzes = await db.assignment.findMany({
    where: { kind: "quiz", openAt: { lte: now }, classroom: { teacherId: viewer.id, archivedAt: null } },
    select: { id: true },
  });
  return quizzes.length ? finishExpiredAttempts({ assignmentIds: quizzes.map((q) => q.id) }, now, db) : 0;
}

/**
 * The report of one assignment for its teacher: per student (lib/reports
 * `assignmentReport`), and for a quiz the item analysis (lib/reports
 * `analyseItems`) over each student's FIRST finished attempt — later
 * attempts have seen the questions, so they measure memory of the quiz.
 *
 * Item analysis is given twice: by question, and by fact. By fact, a
 * student's score on a fact is the mean of their scores on the questions of
 * their attempt that ask about it (a timeline or matching question counts
 * for each of its facts); facility and discrimination are then computed over
 * the students who were asked about the fact, exactly as for a question.
 * Students are ranked by their share of the attempt's points, so attempts of
 * different lengths compare.
 *
 * A read only: attempts whose time ran out count as done with the score
 * earned once `finishExpiredForAssignmentReport` has run, which the page
 * calls first.
 */
export async function loadAssignmentReport(viewer: Viewer, assignmentId: string, now: Date, db: DbTx = getDb()): Promise<AssignmentReportData> {
  const a = await assertAssignmentTeacher(assignmentId, viewer, db);
  const students = await withExtensions(a.id, a.dueAt, await classStudents(a.classId, db), db);
  const deckTitle = (await db.deck.findUnique({ where: { id: a.deckId }, select: { title: true } }))?.title ?? a.deckId;
  const input = { a, deckTitle, students, now };
  return a.kind === "review" ? reviewAssignmentReport(input, db) : quizAssignmentReport(input, db);
}

type ReportInput = { a: AssignmentReportData["assignment"]; deckTitle: string; students: ReportStudent[]; now: Date };

/**
 * `loadAssignmentReport` of a review assignment: progress through the deck
 * (the reviews summed up per student in SQL, `reviewSummariesOf`, then
 * lib/reports `reviewProgressReport`: the same rule as `assignmentReport`
 * without reading every lifetime review), and mean predicted recall over
 * the deck's card states (`recall: false` leaves it null, for the
 * dashboard, which reads only the status).
 */
async function reviewAssignmentReport({ a, deckTitle, students, now }: ReportInput, db: DbTx, recall = true): Promise<AssignmentReportData> {
  const studentIds = students.map((s) => s.studentId);
  const [cardIds, summaries, recalls] = await Promise.all([
    deckCardIds([a.deckId], db).then((m) => m.get(a.deckId) ?? []),
    reviewSummariesOf(studentIds, a.deckId, db),
    recall ? deckRecallOf(studentIds, a.deckId, now, db) : Promise.resolve([]),
  ]);
  const base = reviewProgressReport({ dueAt: a.dueAt, now, students, totalCards: cardIds.length, summaries: summaries.map((r) => ({ ...r, studentId: r.userId })) });
  const means = new Map(recalls.map((r) => [r.userId, r.meanRecall]));
  const rows = base.map((row) => ({ ...row, meanRecall: means.get(row.studentId) ?? null }));
  return { assignment: a, deckTitle, rows, items: [], factItems: [], itemsBy: "questions", itemStudents: 0, questionsAsked: null };
}

/** `loadAssignmentReport` of a quiz assignment: per student, and the item analysis by question and by fact. */
async function quizAssignmentReport({ a, deckTitle, students, now }: ReportInput, db: DbTx): Promise<AssignmentReportData> {
  const studentIds = students.map((s) => s.studentId);
  const attempts = await assignmentAttemptsOf(a.id, studentIds, db);
  // Item analysis reads each student's first finished attempt only: its answers
  // and its snapshot (large JSON, parsed once per process); every other
  // attempt needs just the time of its last answer, read with the attempts.
  const firstFinished = new Map<string, string>();
  for (const t of attempts) if (t.finishedAt && !firstFinished.has(t.userId)) firstFinished.set(t.userId, t.id);
  const firstIds = [...firstFinished.values()];
  const [answers, questionsOf] = await Promise.all([
    db.quizAnswer.findMany({ where: { attemptId: { in: firstIds } }, select: { attemptId: true, questionId: true, correct: true, partial: true } }),
    snapshotsOf(firstIds, db),
  ]);
  const answersByAttempt = new Map<string, typeof answers>();
  for (const ans of answers) {
    const list = answersByAttempt.get(ans.attemptId);
    if (list) list.push(ans);
    else answersByAttempt.set(ans.attemptId, [ans]);
  }
  const base = assignmentReport({
    kind: "quiz",
    dueAt: a.dueAt,
    now,
    students,
    attempts: attempts.map((t) => ({
      studentId: t.userId,
      startedAt: t.startedAt,
      finishedAt: t.finishedAt,
      lastAnswerAt: t.lastAnswerAt,
      score: t.finishedAt && t.score !== null && t.maxScore > 0 ? clampCredit(t.score / t.maxScore) : null,
    })),
  });

  // Item analysis over first finished attempts: by question and by fact.
  const scored = itemScores(
    attempts
      .filter((t) => firstFinished.get(t.userId) === t.id)
      .map((t) => ({ studentId: t.userId, questions: questionsOf.get(t.id) ?? [], answers: answersByAttempt.get(t.id) ?? [] })),
  );
  const { factOrder } = scored;
  const stats = analyseItems(scored.questionOrder, scored.byQuestion);
  const factStats = analyseItems(factOrder, scored.byFact);
  const facts = new Map(
    (await db.fact.findMany({ where: { id: { in: factOrder } }, select: { id: true, label: true, statement: true } })).map((f) => [f.id, f]),
  );
  const items = stats.map((s): ItemReportRow => {
    const q = scored.questions.get(s.itemId)!;
    return { ...s, prompt: q.prompt, type: q.type, factIds: q.factIds, factLabels: q.factIds.map((f) => facts.get(f)?.label ?? f) };
  });
  const factItems = factStats.map((s): FactItemReportRow => ({
    ...s,
    label: facts.get(s.itemId)?.label ?? s.itemId,
    statement: facts.get(s.itemId)?.statement ?? "",
    questions: scored.questionsOnFact.get(s.itemId) ?? 0,
  }));
  const counts = attempts.map((t) => t.questionCount);
  return {
    assignment: a,
    deckTitle,
    rows: base.map((r) => ({ ...r, meanRecall: null })),
    items,
    factItems,
    itemsBy: readQuizSettings(a.settingsJson).questionSet === "fixed" ? "questions" : "facts",
    itemStudents: scored.byQuestion.length,
    questionsAsked: counts.length ? { min: Math.min(...counts), max: Math.max(...counts) } : null,
  };
}

export type FactReportRow = FactKnowledgeRow & { label: string; statement: string };

export type ClassFactReport = { classSize: number; deckIds: string[]; rows: FactReportRow[] };

/**
 * What the class knows, fact by fact, over the facts of the decks assigned
 * to the class (every current fact when nothing is assigned yet): quiz
 * answers by class members (any quiz, assigned or practice — both are
 * evidence) and FSRS predicted recall of their cards at `now`, combined by
 * lib/reports `factKnowledge`.
 */
export async function loadClassFactReport(viewer: Viewer, classId: string, now: Date, db: DbTx = getDb()): Promise<ClassFactReport> {
  const c = await assertClassTeacher(classId, viewer, db);
  return classFactReport(c.id, now, db);
}

/** `loadClassFactReport` without the access check (callers have done it). */
export async function classFactReport(classId: string, now: Date, db: DbTx = getDb()): Promise<ClassFactReport> {
  const [members, assigned] = await Promise.all([
    db.classMember.findMany({ where: { classId, ...ACTIVE_MEMBER }, select: { userId: true } }),
    db.assignment.findMany({ where: { classId }, select: { deckId: true }, distinct: ["deckId"] }),
  ]);
  const studentIds = members.map((m) => m.userId);
  const deckIds = assigned.map((a) => a.deckId).sort();
  const cards = await db.card.findMany({
    where: { retired: false, fact: { retired: false }, ...(deckIds.length ? { decks: { some: { deckId: { in: deckIds } } } } : {}) },
    select: { id: true, factId: true, fact: { select: { label: true, statement: true, sortKey: true } } },
  });
  const factOf = new Map<string, string>();
  const facts = new Map<string, { label: string; statement: string; sortKey: string }>();
  for (const card of cards) {
    factOf.set(card.id, card.factId);
    facts.set(card.factId, card.fact);
  }
  const factIds = [...facts.keys()].sort((x, y) => {
    const a = facts.get(x)!.sortKey;
    const b = facts.get(y)!.sortKey;
    return a < b ? -1 : a > b ? 1 : x < y ? -1 : 1;
  });

  // Answers and recall are summed up per fact in SQL (one row per fact, not
  // every card state and answer of the class), by lib/reports factKnowledge's rule.
  const sums = await factKnowledgeSumsOf({ studentIds, factIds, deckIds: deckIds.length ? deckIds : null, now }, db);
  const known = factKnowledgeFromSums(factIds, studentIds.length, sums);
  return {
    classSize: studentIds.length,
    deckIds,
    rows: known.map((r) => ({ ...r, label: facts.get(r.factId)!.label, statement: facts.get(r.factId)!.statement })),
  };
}

/** How many recent assignments "Needs attention" looks at. */
const ATTENTION_ASSIGNMENTS = 12;

export type AttentionItem =
  | { kind: "late"; assignmentId: string; title: string; className: string; dueAt: Date; students: string[] }
  | { kind: "flagged"; assignmentId: string; title: string; className: string; questions: number; by: "questions" | "facts" };

/**
 * "Needs attention" on the teacher's dashboard: for the assignments of
 * active classes that have opened (most recently due first, at most
 * `ATTENTION_ASSIGNMENTS`), students who are late (missing work past the due date) and quiz
 * questions flagged "check this question" — for per-student question sets,
 * the facts flagged instead (see `AssignmentReportData.itemsBy`). A read
 * only: the page runs `finishExpiredForTeacherDashboard` first.
 */
export async function loadTeacherAttention(viewer: Viewer, now: Date, db: DbTx = getDb()): Promise<AttentionItem[]> {
  const recent = await db.assignment.findMany({
    where: { openAt: { lte: now }, classroom: { teacherId: viewer.id, archivedAt: null } },
    // The same row `assertAssignmentTeacher` gives the reports (the filter above is its access check).
    select: { ...assignmentSelect, classroom: { select: { id: true, teacherId: true, name: true, timeZone: true, archivedAt: true } } },
    orderBy: [{ dueAt: "desc" }, { id: "asc" }],
    take: ATTENTION_ASSIGNMENTS,
  });
  // As `assertAssignmentTeacher` would for each of them: the assignments are the viewer's classes', and only a teacher sees them.
  if (recent.length && viewer.role !== "teacher") throw new NotFound("No such assignment.");
  // Each class's members once, each assignment's report at once, and only what
  // the list shows: a review assignment not yet due has nobody late and no
  // flags, and its mean recall is not read.
  const members = new Map<string, ReturnType<typeof classStudents>>();
  const studentsOf = (classId: string) => {
    let m = members.get(classId);
    if (!m) members.set(classId, (m = classStudents(classId, db)));
    return m;
  };
  const reports = await Promise.all(
    recent.map(async (a) => {
      if (a.kind === "review" && !isLate(now, a.dueAt)) return null;
      const input = { a, deckTitle: "", students: await withExtensions(a.id, a.dueAt, await studentsOf(a.classId), db), now };
      return { className: a.classroom.name, rep: a.kind === "review" ? await reviewAssignmentReport(input, db, false) : await quizAssignmentReport(input, db) };
    }),
  );
  const out: AttentionItem[] = [];
  for (const [i, r] of reports.entries()) {
    if (!r) continue;
    const { rep, className } = r;
    const id = recent[i]!.id;
    const late = rep.rows.filter((row) => row.status === "late").map((row) => row.name);
    if (late.length) out.push({ kind: "late", assignmentId: id, title: rep.assignment.title, className, dueAt: rep.assignment.dueAt, students: late });
    const flagged = (rep.itemsBy === "facts" ? rep.factItems : rep.items).filter((i) => i.check).length;
    if (flagged) out.push({ kind: "flagged", assignmentId: id, title: rep.assignment.title, className, questions: flagged, by: rep.itemsBy });
  }
  return out;
}

/** Each student's e-mail, for the CSVs (two students of the same name are told apart by it and their id). */
export async function studentEmails(studentIds: readonly string[], db: DbTx = getDb()): Promise<Map<string, string>> {
  if (studentIds.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: [...studentIds] } }, select: { id: true, email: true } });
  return new Map(rows.map((r) => [r.id, r.email]));
}

export type OptionCountsRow = OptionCounts & { prompt: string; type: string };

export type AssignmentItemExtras = {
  /** Per choice question (first finished attempts, as the item analysis): how many chose each option. */
  options: OptionCountsRow[];
  /** Questions / facts shown and never answered (after "Stop here", or time up), per item id. */
  unansweredByQuestion: Map<string, number>;
  unansweredByFact: Map<string, number>;
  /** Problem reports by the class's students, per question and per fact; facts hidden from the class. */
  reportsByQuestion: Map<string, number>;
  reportsByFact: Map<string, number>;
  hiddenFacts: Set<string>;
  /** Each student's attempts, oldest first, for the links to the attempt view. */
  attemptsByStudent: Map<string, { id: string; attemptNumber: number | null; finishedAt: Date | null }[]>;
};

/**
 * What the assignment page shows beside `loadAssignmentReport`: the
 * distractor analysis (lib/reports `optionCounts`) over each student's first
 * finished attempt, the unanswered counts (lib/reports `itemScores`), the
 * problem reports and hidden facts of the class (lib/data item-reports), and
 * every attempt to open. A read only; NotFound unless `viewer` teaches it.
 */
export async function loadAssignmentItemExtras(viewer: Viewer, assignmentId: string, db: DbTx = getDb()): Promise<AssignmentItemExtras> {
  const a = await assertAssignmentTeacher(assignmentId, viewer, db);
  const studentIds = (await classStudents(a.classId, db)).map((s) => s.studentId);
  const marks = await itemMarksOfClass(a.classId, db);
  const attempts =
    a.kind === "quiz"
      ? await db.quizAttempt.findMany({
          where: { assignmentId: a.id, userId: { in: studentIds } },
          select: { id: true, userId: true, attemptNumber: true, finishedAt: true },
          orderBy: [{ startedAt: "asc" }, { id: "asc" }],
        })
      : [];
  const attemptsByStudent = new Map<string, { id: string; attemptNumber: number | null; finishedAt: Date | null }[]>();
  const firstFinished = new Map<string, string>();
  for (const t of attempts) {
    attemptsByStudent.set(t.userId, [...(attemptsByStudent.get(t.userId) ?? []), { id: t.id, attemptNumber: t.attemptNumber, finishedAt: t.finishedAt }]);
    if (t.finishedAt && !firstFinished.has(t.userId)) firstFinished.set(t.userId, t.id);
  }
  const firstIds = [...firstFinished.values()];
  const [answers, snapshots] = firstIds.length
    ? await Promise.all([
        db.quizAnswer.findMany({ where: { attemptId: { in: firstIds } }, select: { attemptId: true, questionId: true, correct: true, partial: true, responseJson: true } }),
        db.quizAttempt.findMany({ where: { id: { in: firstIds } }, select: { id: true, snapshotJson: true } }),
      ])
    : [[], []];
  const questionsOf = new Map(snapshots.map((s) => [s.id, parseStored(storedQuizSnapshotSchema, s.snapshotJson).questions]));
  const perAttempt = firstIds.map((id) => ({
    studentId: id,
    questions: questionsOf.get(id) ?? [],
    answers: answers.filter((x) => x.attemptId === id).map((x) => ({ ...x, response: parseStored(storedResponseSchema, x.responseJson) as unknown })),
  }));
  const scored = itemScores(perAttempt);
  const options = optionCounts(perAttempt).map((o): OptionCountsRow => {
    const q = scored.questions.get(o.questionId)!;
    return { ...o, prompt: q.prompt, type: q.type };
  });
  return {
    options,
    unansweredByQuestion: scored.unansweredByQuestion,
    unansweredByFact: scored.unansweredByFact,
    reportsByQuestion: marks.byQuestion,
    reportsByFact: marks.byFact,
    hiddenFacts: marks.hidden,
    attemptsByStudent,
  };
}

export type TeacherAttemptView = {
  attemptId: string;
  student: { id: string; name: string; email: string };
  assignment: { id: string; title: string; classId: string; className: string; timeZone: string };
  attemptNumber: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  deadlineAt: Date | null;
  /** Share of the points, 0..1, once finished. */
  score: number | null;
  questions: {
    position: number;
    question: Question;
    /** null: never answered (after "Stop here" or time up), not wrong. */
    answer: { response: unknown; correct: boolean; partial: number; answeredAt: Date; /** Since the previous answer (or the start). */ tookMs: number } | null;
  }[];
};

/**
 * One attempt at a quiz assignment, answer by answer, for the teacher of
 * the assignment's class (a current or former student of it). Anyone else,
 * a practice attempt and an unknown id are NotFound alike, so an attempt's
 * existence is not revealed.
 */
export async function loadAttemptForTeacher(viewer: Viewer, attemptId: string, db: DbTx = getDb()): Promise<TeacherAttemptView> {
  const t = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      assignmentId: true,
      attemptNumber: true,
      startedAt: true,
      finishedAt: true,
      deadlineAt: true,
      score: true,
      maxScore: true,
      snapshotJson: true,
      user: { select: { id: true, name: true, email: true } },
      answers: { select: { questionId: true, responseJson: true, correct: true, partial: true, answeredAt: true } },
    },
  });
  if (!t || !t.assignmentId) throw new NotFound("No such attempt.");
  let a;
  try {
    a = await assertAssignmentTeacher(t.assignmentId, viewer, db);
  } catch (e) {
    if (e instanceof NotFound) throw new NotFound("No such attempt.");
    throw e;
  }
  const snapshot = parseStored(storedQuizSnapshotSchema, t.snapshotJson);
  const given = new Map(t.answers.map((x) => [x.questionId, x]));
  // Time per answer: since the previous answer in the order given, the first since the start.
  const order = [...t.answers].sort((x, y) => x.answeredAt.getTime() - y.answeredAt.getTime());
  const took = new Map<string, number>();
  let prev = t.startedAt.getTime();
  for (const x of order) {
    took.set(x.questionId, Math.max(0, x.answeredAt.getTime() - prev));
    prev = x.answeredAt.getTime();
  }
  return {
    attemptId: t.id,
    student: t.user,
    assignment: { id: a.id, title: a.title, classId: a.classId, className: a.classroom.name, timeZone: a.classroom.timeZone },
    attemptNumber: t.attemptNumber,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    deadlineAt: t.deadlineAt,
    score: t.finishedAt && t.score !== null && t.maxScore > 0 ? clampCredit(t.score / t.maxScore) : null,
    questions: snapshot.questions.map((question, i) => {
      const g = given.get(question.id);
      return {
        position: i + 1,
        question,
        answer: g
          ? { response: parseStored(storedResponseSchema, g.responseJson) as unknown, correct: g.correct, partial: g.partial, answeredAt: g.answeredAt, tookMs: took.get(question.id) ?? 0 }
          : null,
      };
    }),
  };
}
