import { z } from "zod";
import { classIdSchema } from "@/lib/classes/ids";
import { ITEM_KINDS, REPORT_NOTE_MAX, REPORT_REASON_IDS } from "./report-reasons";

export { ITEM_KINDS, REPORT_NOTE_MAX, REPORT_REASON_IDS, REPORT_REASONS, type ItemKind, type ReportReason } from "./report-reasons";

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
