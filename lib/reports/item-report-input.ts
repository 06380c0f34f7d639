import { z } from "zod";
import { classIdSchema } from "@/lib/classes/ids";

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

const id = z.string().trim().min(1, "Missing id.").max(200, "That id is too long.");
const reason = z.enum(REPORT_REASON_IDS, { error: "Choose a reason from the list." });
const note = z
  .string()
  .max(REPORT_NOTE_MAX, `Keep the note to ${REPORT_NOTE_MAX} characters.`)
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : null));

/**
 * The body of `POST /api/item-reports`: a question names its attempt (the
 * question is looked up in that attempt's snapshot, so only what the
 * student was shown can be reported), a card its id.
 */
export const itemReportInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("question"), attemptId: id, itemId: id, reason, note }).strict(),
    z.object({ kind: z.literal("card"), itemId: id, reason, note }).strict(),
  ],
  { error: "kind must be question or card." },
);
export type ItemReportInput = z.output<typeof itemReportInputSchema>;

/** `GET /api/item-reports?kind=…&itemId=…`: the student's own report on an item, to edit it. */
export const itemReportQuerySchema = z.object({ kind: z.enum(ITEM_KINDS, { error: "kind must be question or card." }), itemId: id });

/** The hide / show-again button of a class's problem reports: "1" hides the fact from the class, "0" shows it again. */
export const setFactHiddenInput = z.object({
  classId: classIdSchema,
  factId: id,
  hide: z.enum(["1", "0"], { error: "Choose whether to hide (1) or show again (0)." }).transform((v) => v === "1"),
});
