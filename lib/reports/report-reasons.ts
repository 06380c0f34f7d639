/**
 * The words and limits of "Report a problem", without zod: the browser's
 * report form (app/_components/report-item.tsx) imports them, and a schema
 * here would ship zod to every page that shows the form. The schemas are in
 * ./item-report-input.
 */
/** What a student can report: a quiz question (as shown in an attempt) or a flashcard. */
export const ITEM_KINDS = ["question", "card"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The fixed reasons of "Report a problem", with the words the student and the teacher read. */
export const REPORT_REASONS = {
  "wrong-answer": "The answer given as right is wrong",
  "not-in-source": "The source does not say this",
  confusing: "The question or card is confusing",
  "more-than-one": "More than one answer is right",
  typo: "A typo or a broken sentence",
  other: "Something else",
} as const;
export type ReportReason = keyof typeof REPORT_REASONS;
export const REPORT_REASON_IDS = Object.keys(REPORT_REASONS) as [ReportReason, ...ReportReason[]];

/** Longest note kept with a report. */
export const REPORT_NOTE_MAX = 500;
