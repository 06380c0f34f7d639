import { z } from "zod";
import { assignmentIdSchema, classIdSchema, idSchema, studentIdSchema } from "./ids";
import { Invalid } from "@/lib/errors";
import { joinCodeSchema } from "./join-code";
import { FORM_ERROR_KEY, fieldErrorsOf } from "@/lib/field-errors";
import { timeMultiplierSchema } from "./time-multiplier";

/*
 * The inputs of the class and assignment server actions. Most are hidden
 * fields (ids the page put in the form), so a problem with one is also
 * given as the form's message: there is no visible field to show it next to.
 */

export const rotateJoinCodeInput = z.object({ classId: classIdSchema });

/** "1" archives, "0" restores; anything else is refused rather than read as "restore". */
export const setClassArchivedInput = z.object({
  classId: classIdSchema,
  archive: z.enum(["1", "0"], { error: "Choose whether to archive (1) or restore (0) the class." }).transform((v) => v === "1"),
});

export const removeMemberInput = z.object({ classId: classIdSchema, studentId: studentIdSchema });

export const setTimeMultiplierInput = z.object({ classId: classIdSchema, studentId: studentIdSchema, timeMultiplier: timeMultiplierSchema });

export const createAssignmentTarget = z.object({ classId: classIdSchema });

export const deleteAssignmentInput = z.object({ assignmentId: assignmentIdSchema });

export const joinClassInput = z.object({ joinCode: joinCodeSchema });

export const leaveClassInput = z.object({ classId: idSchema("Choose a class to leave.") });

export const startAssignmentInput = z.object({ assignmentId: idSchema("Choose an assignment to start.") });

/** The named fields of a form as strings (absent → undefined, so a schema can say "Choose …"). */
export function formFields(form: { get(name: string): unknown }, names: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const n of names) {
    const v = form.get(n);
    out[n] = typeof v === "string" ? v : undefined;
  }
  return out;
}

/**
 * Parses an action's input; on failure throws Invalid with one message
 * per field and — for forms of hidden fields, which have nowhere else to
 * show it (`asFormMessage`, the default) — the first of them as the form's
 * message.
 */
export function parseActionInput<S extends z.ZodType>(schema: S, input: unknown, opts: { asFormMessage?: boolean } = {}): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fieldErrors = fieldErrorsOf(r.error.issues);
  if (opts.asFormMessage === false) throw Invalid.fields(fieldErrors);
  const first = Object.values(fieldErrors)[0] ?? "Please correct the fields marked below.";
  throw Invalid.fields({ [FORM_ERROR_KEY]: first, ...fieldErrors });
}

export const editAssignmentTarget = z.object({ assignmentId: assignmentIdSchema });

/** An extension: the student and their own due date, typed in the class's zone (read by `parseExtensionDueAt`). */
export const setExtensionInput = z.object({
  assignmentId: assignmentIdSchema,
  studentId: studentIdSchema,
  dueAt: z.string({ error: "Enter the student's new due date and time." }).trim().min(1, "Enter the student's new due date and time."),
});

export const clearExtensionInput = z.object({ assignmentId: assignmentIdSchema, studentId: studentIdSchema });

/** A preview answer: whose questions (empty: a student who joins later), the question, and the response as JSON text. */
export const previewAnswerInput = z.object({
  assignmentId: assignmentIdSchema,
  student: studentIdSchema.nullable(),
  questionId: z.string({ error: "Choose a question." }).min(1).max(200),
  response: z
    .string({ error: "Give an answer." })
    .max(10_000)
    .transform((s, ctx): unknown => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "That answer could not be read." });
        return z.NEVER;
      }
    }),
});
