import { writeCsv, type CsvColumn } from "@/lib/csv/write-csv";
import { utcToZonedLocal } from "@/lib/classes/zoned-time";
import type { AssignmentReportRow } from "./assignment-report";
import type { ItemStats } from "./item-analysis";
import type { FactKnowledgeRow } from "./fact-knowledge";

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
 * the class's zone for reading and in UTC (ISO 8601) for computing.
 */
export function studentReportCsv(rows: readonly (AssignmentReportRow & { meanRecall: number | null })[], kind: "review" | "quiz", timeZone: string): string {
  const columns: CsvColumn<(typeof rows)[number]>[] = [
    { header: "Student", value: (r) => r.name },
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

/** Item analysis as CSV: facility and discrimination to 4 decimals, the flag as "check this question". */
export function itemReportCsv(items: readonly (ItemStats & { prompt: string; type: string; factIds: string[] })[]): string {
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
      { header: "Flags", value: (i) => i.flags.join(" ") },
      { header: "Check", value: (i) => (i.check ? "check this question" : "") },
    ],
    items,
    { bom: true },
  );
}

/** Item analysis by fact as CSV: one row per fact asked about, with how many students and questions it covers. */
export function factItemReportCsv(items: readonly (ItemStats & { label: string; questions: number })[]): string {
  return writeCsv(
    [
      { header: "Fact id", value: (i) => i.itemId },
      { header: "Fact", value: (i) => i.label },
      { header: "Students asked", value: (i) => i.answered },
      { header: "Questions", value: (i) => i.questions },
      { header: "Facility", value: (i) => round4(i.facility) },
      { header: "Discrimination", value: (i) => round4(i.discrimination) },
      { header: "Group size", value: (i) => i.groupSize },
      { header: "Flags", value: (i) => i.flags.join(" ") },
      { header: "Check", value: (i) => (i.check ? "check this fact" : "") },
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
