import { z } from "zod";
import { canonicalTimeZone, isValidTimeZone } from "@/lib/time/time-zone";
import { isBlank } from "./form-fields";
import { safeParseForm, parseForm, type FormResult } from "./parse-form";

export const CLASS_NAME_MAX = 80;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether "YYYY-MM-DD" names a day that exists (no 2025-02-29). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1000 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function termDate(which: "start" | "end") {
  return z.preprocess(
    (v) => (isBlank(v) ? null : typeof v === "string" ? v.trim() : v),
    z
      .string({ error: `Enter the term ${which} as a date.` })
      .refine(isIsoDate, `Enter the term ${which} as a real date, like 2025-09-01.`)
      .nullable(),
  );
}

/**
 * The class form.
 *
 * - `name`: trimmed, 1–80 characters (counted as Unicode code points, so an
 *   emoji counts once). It is plain text: "<b>7B</b>" is stored as typed and
 *   escaped when rendered, never stripped or interpreted.
 * - `termStart`, `termEnd`: optional ISO dates ("YYYY-MM-DD", empty = none);
 *   when both are given the end may equal the start but not precede it.
 * - `timeZone`: an IANA name known to `Intl` (see `isValidTimeZone`); the
 *   zone in which the class's due dates are written and shown.
 */
export const classFormSchema = z
  .object({
    name: z
      .string({ error: "Enter a name for the class." })
      .trim()
      .min(1, "Enter a name for the class.")
      .refine((s) => [...s].length <= CLASS_NAME_MAX, `Keep the class name to ${CLASS_NAME_MAX} characters or fewer.`),
    termStart: termDate("start"),
    termEnd: termDate("end"),
    timeZone: z
      .string({ error: "Choose the class's time zone." })
      .trim()
      .min(1, "Choose the class's time zone.")
      .refine(isValidTimeZone, "Choose a time zone from the list, such as Europe/London.")
      .transform(canonicalTimeZone),
  })
  .refine((v) => v.termStart === null || v.termEnd === null || v.termEnd >= v.termStart, {
    path: ["termEnd"],
    message: "The term can't end before it starts.",
    when: (payload) => {
      const v = payload.value as { termStart?: unknown; termEnd?: unknown };
      return typeof v.termStart === "string" && isIsoDate(v.termStart) && typeof v.termEnd === "string" && isIsoDate(v.termEnd);
    },
  });

export type ClassForm = z.output<typeof classFormSchema>;

/** `classFormSchema` as a result with field errors. */
export function safeParseClassForm(input: unknown): FormResult<ClassForm> {
  return safeParseForm(classFormSchema, input);
}

/** `classFormSchema`, throwing `Invalid` with field errors. */
export function parseClassForm(input: unknown): ClassForm {
  return parseForm(classFormSchema, input);
}
