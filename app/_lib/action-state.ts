import { AppError, CORRECT_THE_FIELDS, databaseBusy, Invalid } from "@/lib/errors";
import { FORM_ERROR_KEY, fieldErrorsOf } from "@/lib/field-errors";
import type { z } from "zod";

/**
 * What every form's server action gives back (the one action-state type):
 * a success message, or a form-level error with one message per field, and
 * the values typed so the form can show them again.
 */
export type ActionState<Values = Record<string, string>> = {
  ok?: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: Values;
};

/** A form field as text ("" when absent or a file). */
export function field(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}

/**
 * Typed errors → a form state: Invalid gives its message as the form's and
 * its field errors next to the fields; other typed errors (below 500) their
 * message. Anything else is a bug and is rethrown (Next shows the error page).
 */
export function errorState<Values = Record<string, string>>(e: unknown, values?: Values): ActionState<Values> {
  if (e instanceof Invalid) {
    const { [FORM_ERROR_KEY]: _formLevel, ...fieldErrors } = e.fieldErrors;
    return { formError: e.message, fieldErrors, values };
  }
  if (e instanceof AppError && e.status < 500) return { formError: e.message, values };
  // A database too busy to answer in time wrote nothing: the form says so and keeps what was typed.
  const busy = databaseBusy(e);
  if (busy) return { formError: busy.message, values };
  throw e;
}

/** A zod failure as a form state: "Please correct the fields marked below." and one message per field. */
export function invalidActionState<Values = Record<string, string>>(error: z.ZodError, values?: Values): ActionState<Values> {
  return { formError: CORRECT_THE_FIELDS, fieldErrors: fieldErrorsOf(error.issues), values };
}
