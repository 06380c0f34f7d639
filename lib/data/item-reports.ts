import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb, type DbTx } from "../db";
import type { Viewer } from "../auth/roles";
import { NotFound, RateLimited } from "../errors";
import { envInt } from "../env-int";
import { parseStored, storedQuizSnapshotSchema } from "../quiz/stored-quiz";
import type { ItemKind, ItemReportInput, ReportReason } from "../reports/item-report-input";
import type { ItemReportCsvRow } from "../reports/report-csv";
import { ACTIVE_MEMBER, assertClassTeacher } from "./classes";
import { returnSlot, takeSlot } from "./limits";
import { isUniqueViolation } from "./unique-violation";

/**
 * Problem reports a student may send (new or edited) per hour: a report is
 * small, but each one is a row and a line in a teacher's list.
 */
export const ITEM_REPORT_LIMIT = { max: envInt("FACTDECK_ITEM_REPORTS_PER_HOUR", 30, 1), windowSeconds: 60 * 60 } as const;

const factIdsSchema = z.array(z.string());
const factIdsOf = (json: string) => parseStored(factIdsSchema, json);

export type MyItemReport = { id: string; kind: ItemKind; itemId: string; reason: string; note: string | null; updatedAt: Date };

/** What the report is about, from the server's own copy: the attempt's snapshot (only a question the student was shown) or the card. */
async function resolveItem(viewer: Viewer, input: ItemReportInput, db: DbTx): Promise<{ factIds: string[]; itemText: string; attemptId: string | null }> {
  if (input.kind === "card") {
    const card = await db.card.findUnique({ where: { id: input.itemId }, select: { factId: true, front: true } });
    if (!card) throw new NotFound("There is no such card.");
    return { factIds: [card.factId], itemText: card.front, attemptId: null };
  }
  const attempt = await db.quizAttempt.findUnique({ where: { id: input.attemptId }, select: { userId: true, snapshotJson: true } });
  if (!attempt || attempt.userId !== viewer.id) throw new NotFound("There is no such quiz.");
  const q = parseStored(storedQuizSnapshotSchema, attempt.snapshotJson).questions.find((x) => x.id === input.itemId);
  if (!q) throw new NotFound("That question is not in this quiz.");
  return { factIds: [...new Set(q.factIds)], itemText: q.prompt, attemptId: input.attemptId };
}

/**
 * "Report a problem" on a quiz question or a card: one report per student
 * and item — sending again replaces the reason and note (the first report's
 * time is kept). Each send takes an `ITEM_REPORT_LIMIT` slot (RateLimited
 * when full; given back when the item does not exist). NotFound for a card
 * that does not exist or a question not in the student's own attempt.
 */
export async function saveItemReport(viewer: Viewer, input: ItemReportInput, now: Date, db: DbTx = getDb()): Promise<MyItemReport & { created: boolean }> {
  const key = `item-report:${viewer.id}`;
  const slot = await takeSlot(key, ITEM_REPORT_LIMIT, now, db);
  if (!slot.ok) {
    const refused = new RateLimited(slot.retryAfterSeconds);
    refused.message = `You have sent ${ITEM_REPORT_LIMIT.max} problem reports in the last hour, the most we take. Thank you — try again later.`;
    throw refused;
  }
  let item: Awaited<ReturnType<typeof resolveItem>>;
  try {
    item = await resolveItem(viewer, input, db);
  } catch (e) {
    await returnSlot(key, db);
    throw e;
  }
  const where = { userId_kind_itemId: { userId: viewer.id, kind: input.kind, itemId: input.itemId } };
  const update = { reason: input.reason, note: input.note, updatedAt: now, factIdsJson: JSON.stringify(item.factIds), itemText: item.itemText, attemptId: item.attemptId };
  const select = { id: true, kind: true, itemId: true, reason: true, note: true, updatedAt: true, createdAt: true } as const;
  const existing = await db.itemReport.findUnique({ where, select: { id: true } });
  let row;
  if (existing) row = await db.itemReport.update({ where, data: update, select });
  else {
    try {
      row = await db.itemReport.create({ data: { id: randomUUID(), userId: viewer.id, kind: input.kind, itemId: input.itemId, createdAt: now, ...update }, select });
    } catch (e) {
      // Two sends at once: the other one created it; this one edits it.
      if (!isUniqueViolation(e)) throw e;
      row = await db.itemReport.update({ where, data: update, select });
    }
  }
  return { id: row.id, kind: row.kind as ItemKind, itemId: row.itemId, reason: row.reason, note: row.note, updatedAt: row.updatedAt, created: !existing && row.createdAt.getTime() === now.getTime() };
}

/** The student's own report on an item, to edit it; null when none. */
export async function myItemReport(viewer: Viewer, kind: ItemKind, itemId: string, db: DbTx = getDb()): Promise<MyItemReport | null> {
  const r = await db.itemReport.findUnique({
    where: { userId_kind_itemId: { userId: viewer.id, kind, itemId } },
    select: { id: true, kind: true, itemId: true, reason: true, note: true, updatedAt: true },
  });
  return r ? { ...r, kind: r.kind as ItemKind } : null;
}

/** The facts hidden from one class (lib/classes `withoutHidden` reads them). */
export async function hiddenFactIdsOfClass(classId: string, db: DbTx = getDb()): Promise<Set<string>> {
  const rows = await db.hiddenFact.findMany({ where: { classId }, select: { factId: true } });
  return new Set(rows.map((r) => r.factId));
}

/**
 * The facts hidden from a student's review of one deck: those hidden by the
 * teacher of any class the student is in (not archived) that assigned this
 * deck. The deck outside such a class is the student's own and shows all.
 */
export async function hiddenFactIdsForDeck(userId: string, deckId: string, db: DbTx = getDb()): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ factId: string }[]>`
    SELECT DISTINCT h."factId"
    FROM "ClassMember" m
    JOIN "Classroom" c ON c."id" = m."classId" AND c."archivedAt" IS NULL
    JOIN "HiddenFact" h ON h."classId" = m."classId"
    WHERE m."userId" = ${userId} AND m."leftAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."classId" = m."classId" AND a."deckId" = ${deckId})`;
  return new Set(rows.map((r) => r.factId));
}

/**
 * `hiddenFactIdsForDeck` for every deck at once: deck → the facts hidden by
 * the teacher of a class the student is in (not archived) that assigned the
 * deck. One read, for the dashboard's counts of every deck.
 */
export async function hiddenFactIdsByDeck(userId: string, db: DbTx = getDb()): Promise<Map<string, Set<string>>> {
  const rows = await db.$queryRaw<{ deckId: string; factId: string }[]>`
    SELECT DISTINCT a."deckId", h."factId"
    FROM "ClassMember" m
    JOIN "Classroom" c ON c."id" = m."classId" AND c."archivedAt" IS NULL
    JOIN "HiddenFact" h ON h."classId" = m."classId"
    JOIN "Assignment" a ON a."classId" = m."classId"
    WHERE m."userId" = ${userId} AND m."leftAt" IS NULL`;
  const out = new Map<string, Set<string>>();
  for (const { deckId, factId } of rows) {
    const set = out.get(deckId);
    if (set) set.add(factId);
    else out.set(deckId, new Set([factId]));
  }
  return out;
}

/**
 * Hides a fact — every question and card about it — from one class's new
 * quizzes and its students' review of assigned decks, or shows it again
 * (`hidden: false`). Answers already given are kept, and the item analysis
 * still lists the item, marked hidden. NotFound unless `viewer` teaches the
 * class, or for a fact that does not exist. Idempotent.
 */
export async function setFactHidden(viewer: Viewer, input: { classId: string; factId: string; hidden: boolean }, now: Date, db: DbTx = getDb()): Promise<{ hidden: boolean }> {
  const c = await assertClassTeacher(input.classId, viewer, db);
  const fact = await db.fact.findUnique({ where: { id: input.factId }, select: { id: true } });
  if (!fact) throw new NotFound("There is no such fact.");
  if (!input.hidden) {
    await db.hiddenFact.deleteMany({ where: { classId: c.id, factId: fact.id } });
    return { hidden: false };
  }
  try {
    await db.hiddenFact.upsert({
      where: { classId_factId: { classId: c.id, factId: fact.id } },
      create: { classId: c.id, factId: fact.id, hiddenBy: viewer.id, hiddenAt: now },
      update: {},
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // hidden by a concurrent request: same outcome
  }
  return { hidden: true };
}

export type ClassItemReport = {
  kind: ItemKind;
  itemId: string;
  itemText: string;
  factIds: string[];
  /** Reports by the class's current students, newest first. */
  reports: { studentId: string; name: string; email: string; reason: ReportReason; note: string | null; updatedAt: Date }[];
  /** Reason → how many of those reports give it. */
  reasonCounts: Partial<Record<ReportReason, number>>;
};

export type ClassItemReportFact = {
  factId: string;
  label: string;
  statement: string;
  /** The quotes the fact rests on, with their outlets: the evidence the teacher checks. */
  evidence: { quote: string; outlet: string; link: string }[];
  hidden: boolean;
  items: ClassItemReport[];
  /** Reports on this fact's items, in total. */
  reportCount: number;
};

/**
 * The problem reports of one class, for its teacher: the reports by the
 * class's current students, grouped by item and the items by fact (most
 * reported first, then by fact id), each fact with its statement, its
 * quotes and whether it is hidden from the class. Facts hidden without a
 * report are listed too, so a hide can always be undone from here.
 * NotFound unless `viewer` teaches the class.
 */
export async function loadClassItemReports(viewer: Viewer, classId: string, db: DbTx = getDb()): Promise<ClassItemReportFact[]> {
  const c = await assertClassTeacher(classId, viewer, db);
  const [rows, hidden] = await Promise.all([
    db.itemReport.findMany({
      where: { user: { memberships: { some: { classId: c.id, ...ACTIVE_MEMBER } } } },
      select: { kind: true, itemId: true, itemText: true, factIdsJson: true, reason: true, note: true, updatedAt: true, userId: true, user: { select: { name: true, email: true } } },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    }),
    hiddenFactIdsOfClass(c.id, db),
  ]);
  const items = new Map<string, ClassItemReport>();
  for (const r of rows) {
    const k = `${r.kind}:${r.itemId}`;
    let item = items.get(k);
    if (!item) items.set(k, (item = { kind: r.kind as ItemKind, itemId: r.itemId, itemText: r.itemText, factIds: factIdsOf(r.factIdsJson), reports: [], reasonCounts: {} }));
    const reason = r.reason as ReportReason;
    item.reports.push({ studentId: r.userId, name: r.user.name, email: r.user.email, reason, note: r.note, updatedAt: r.updatedAt });
    item.reasonCounts[reason] = (item.reasonCounts[reason] ?? 0) + 1;
  }
  const byFact = new Map<string, ClassItemReport[]>();
  for (const item of items.values()) for (const f of item.factIds) byFact.set(f, [...(byFact.get(f) ?? []), item]);
  for (const f of hidden) if (!byFact.has(f)) byFact.set(f, []);
  const factIds = [...byFact.keys()];
  const facts = await db.fact.findMany({
    where: { id: { in: factIds } },
    select: { id: true, label: true, statement: true, sources: { select: { quote: true, position: true, sourceSlug: true, source: { select: { outlet: true } } }, orderBy: { position: "asc" } } },
  });
  const factRow = new Map(facts.map((f) => [f.id, f]));
  return factIds
    .map((factId): ClassItemReportFact => {
      const f = factRow.get(factId);
      const list = byFact.get(factId)!;
      return {
        factId,
        label: f?.label ?? factId,
        statement: f?.statement ?? "",
        evidence: (f?.sources ?? []).map((s) => ({ quote: s.quote, outlet: s.source.outlet, link: `/sources/${encodeURIComponent(s.sourceSlug)}` })),
        hidden: hidden.has(factId),
        items: list,
        reportCount: list.reduce((n, i) => n + i.reports.length, 0),
      };
    })
    .sort((a, b) => b.reportCount - a.reportCount || (a.factId < b.factId ? -1 : 1));
}

/**
 * For the item analysis of a class: how many of its current students
 * reported each question and each fact (a report on a card counts for its
 * fact), and the facts hidden from the class.
 */
export async function itemMarksOfClass(classId: string, db: DbTx = getDb()): Promise<{ byQuestion: Map<string, number>; byFact: Map<string, number>; hidden: Set<string> }> {
  const [rows, hidden] = await Promise.all([
    db.itemReport.findMany({ where: { user: { memberships: { some: { classId, ...ACTIVE_MEMBER } } } }, select: { kind: true, itemId: true, factIdsJson: true } }),
    hiddenFactIdsOfClass(classId, db),
  ]);
  const byQuestion = new Map<string, number>();
  const byFact = new Map<string, number>();
  for (const r of rows) {
    if (r.kind === "question") byQuestion.set(r.itemId, (byQuestion.get(r.itemId) ?? 0) + 1);
    for (const f of factIdsOf(r.factIdsJson)) byFact.set(f, (byFact.get(f) ?? 0) + 1);
  }
  return { byQuestion, byFact, hidden };
}

/** Every problem report, oldest first, for the maintainers' CSV (`npm run reports:items`). */
export async function allItemReports(db: DbTx = getDb()): Promise<ItemReportCsvRow[]> {
  const rows = await db.itemReport.findMany({
    select: { id: true, kind: true, itemId: true, factIdsJson: true, itemText: true, reason: true, note: true, userId: true, createdAt: true, updatedAt: true, user: { select: { email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    itemId: r.itemId,
    factIds: factIdsOf(r.factIdsJson),
    itemText: r.itemText,
    reason: r.reason,
    note: r.note,
    studentId: r.userId,
    email: r.user.email,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}
