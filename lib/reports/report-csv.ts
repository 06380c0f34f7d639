import { writeCsv, type CsvColumn } from "@/lib/csv/write-csv";
import { utcToZonedLocal } from "@/lib/classes/zoned-time";
import type { AssignmentReportRow } from "./assignment-report";
import type { ItemStats } from "./item-analysis";
import type { FactKnowledgeRow } from "./fact-knowledge";
import { REPORT_REASONS, type ReportReason } from "./item-report-input";

/** Shares and indices in CSV: rounded to 4 decimals, as numbers (so spreadsheets can compute with them). */
function round4(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10_000) / 10_000;
}

function local(d: Date | null, timeZone: string): string | null {
  return d === null ? null : utcToZonedLocal(d, timeZone).replace("T", " ");
}

/**
 * The per-student report as CSV (RFC 4180, CRLF, BOM for Excel; names that
 * start with = + - @ are defused by `csvCell`). Times are given twice: in
 * the class's zone for reading and in UTC (ISO 8601) for computing. The
 * student id (the account's, stable for ever) and e-mail tell apart two
 * students of the same name.
 */
export function studentReportCsv(rows: readonly (AssignmentReportRow & { meanRecall: number | null; email: string })[], kind: "review" | "quiz", timeZone: string): string {
  const columns: CsvColumn<(typeof rows)[number]>[] = [
    { header: "Student", value: (r) => r.name },
    { header: "E-mail", value: (r) => r.email },
    { header: "Student id", value: (r) => r.studentId },
    { header: "Status", value: (r) => r.status },
    { header: "Late", value: (r) => r.late },
    kind === "quiz" ? { header: "Best score (0-1)", value: (r) => round4(r.score) } : { header: "Cards studied (0-1)", value: (r) => round4(r.progress) },
    ...(kind === "review" ? [{ header: "Predicted recall (0-1)", value: (r: (typeof rows)[number]) => round4(r.meanRecall) }] : []),
    { header: kind === "quiz" ? "Attempts" : "Reviews", value: (r) => r.activityCount },
    { header: "Time spent (min)", value: (r) => Math.round(r.timeSpentMs / 600) / 100 },
    { header: `Last activity (${timeZone})`, value: (r) => local(r.lastActivityAt, timeZone) },
    { header: "Last activity (UTC)", value: (r) => r.lastActivityAt },
    { header: "Completed (UTC)", value: (r) => r.completedAt },
  ];
  return writeCsv(columns, rows, { bom: true });
}

/** Extra item-analysis columns: never-answered count, students' problem reports, hidden from the class. */
type ItemMarks = { unanswered?: number; reports?: number; hidden?: boolean };

/**
 * The "Check" cell, as the page words it: "check this …" when flagged;
 * "not enough answers yet" below `FLAG_MIN_STUDENTS`; for a table that is
 * not flagged at all (questions of per-student sets) it says so.
 */
export function checkText(i: Pick<ItemStats, "check" | "enoughAnswers">, what: "question" | "fact", flagged = true): string {
  if (!flagged) return "not flagged (own questions per student)";
  if (i.check) return `check this ${what}`;
  return i.enoughAnswers ? "" : "not enough answers yet";
}

const markColumns = <T extends ItemMarks>(): CsvColumn<T>[] => [
  { header: "Unanswered", value: (i) => i.unanswered ?? 0 },
  { header: "Problem reports", value: (i) => i.reports ?? 0 },
  { header: "Hidden from class", value: (i) => (i.hidden ? "hidden" : "") },
];

/**
 * Item analysis as CSV: facility and discrimination to 4 decimals, the
 * "Check" cell as on the page (`checkText`); `flagged` false for per-student
 * sets, whose questions the page does not flag.
 */
export function itemReportCsv(items: readonly (ItemStats & ItemMarks & { prompt: string; type: string; factIds: string[] })[], flagged = true): string {
  return writeCsv(
    [
      { header: "Question id", value: (i) => i.itemId },
      { header: "Type", value: (i) => i.type },
      { header: "Question", value: (i) => i.prompt },
      { header: "Facts", value: (i) => i.factIds.join(" ") },
      { header: "Answered", value: (i) => i.answered },
      { header: "Facility", value: (i) => round4(i.facility) },
      { header: "Discrimination", value: (i) => round4(i.discrimination) },
      { header: "Group size", value: (i) => i.groupSize },
      { header: "Flags", value: (i) => (flagged ? i.flags.join(" ") : "") },
      { header: "Check", value: (i) => checkText(i, "question", flagged) },
      ...markColumns<(typeof items)[number]>(),
    ],
    items,
    { bom: true },
  );
}

/** Item analysis by fact as CSV: one row per fact asked about, with how many students and questions it covers. */
export function factItemReportCsv(items: readonly (ItemStats & ItemMarks & { label: string; questions: number })[], flagged = true): string {
  return writeCsv(
    [
      { header: "Fact id", value: (i) => i.itemId },
      { header: "Fact", value: (i) => i.label },
      { header: "Students asked", value: (i) => i.answered },
      { header: "Questions", value: (i) => i.questions },
      { header: "Facility", value: (i) => round4(i.facility) },
      { header: "Discrimination", value: (i) => round4(i.discrimination) },
      { header: "Group size", value: (i) => i.groupSize },
      { header: "Flags", value: (i) => (flagged ? i.flags.join(" ") : "") },
      { header: "Check", value: (i) => (flagged ? checkText(i, "fact") : "flags are on the questions table") },
      ...markColumns<(typeof items)[number]>(),
    ],
    items,
    { bom: true },
  );
}

/** What the class knows per fact, as CSV. */
export function factReportCsv(rows: readonly (FactKnowledgeRow & { label: string; statement: string })[]): string {
  return writeCsv(
    [
      { header: "Fact id", value: (r) => r.factId },
      { header: "Fact", value: (r) => r.label },
      { header: "Statement", value: (r) => r.statement },
      { header: "Know it", value: (r) => r.knowsCount },
      { header: "Know it (share)", value: (r) => round4(r.knowsShare) },
      { header: "Quiz answers", value: (r) => r.quizAnswers },
      { header: "Quiz correct (share)", value: (r) => round4(r.quizCorrectShare) },
      { header: "Students with recall", value: (r) => r.recallStudents },
      { header: "Mean predicted recall", value: (r) => round4(r.meanRecall) },
    ],
    rows,
    { bom: true },
  );
}

/** One student's problem report, as the maintainers' export reads it. */
export type ItemReportCsvRow = {
  id: string;
  kind: string;
  itemId: string;
  factIds: string[];
  itemText: string;
  reason: string;
  note: string | null;
  studentId: string;
  email: string;
  createdAt: Date;
  updatedAt: Date;
};

/** Every problem report, for the corpus maintainers (`npm run reports:items`): what to fix, and who to ask. */
export function itemReportsCsv(rows: readonly ItemReportCsvRow[]): string {
  return writeCsv(
    [
      { header: "Report id", value: (r) => r.id },
      { header: "Kind", value: (r) => r.kind },
      { header: "Item id", value: (r) => r.itemId },
      { header: "Facts", value: (r) => r.factIds.join(" ") },
      { header: "Item", value: (r) => r.itemText },
      { header: "Reason", value: (r) => r.reason },
      { header: "Reason (words)", value: (r) => REPORT_REASONS[r.reason as ReportReason] ?? r.reason },
      { header: "Note", value: (r) => r.note },
      { header: "Student id", value: (r) => r.studentId },
      { header: "E-mail", value: (r) => r.email },
      { header: "Reported (UTC)", value: (r) => r.createdAt },
      { header: "Updated (UTC)", value: (r) => r.updatedAt },
    ],
    rows,
    { bom: true },
  );
}
