import { AppError, Invalid } from "@/lib/errors";
import { InvalidInput } from "@/lib/classes/invalid-input";
import { FORM_ERROR_KEY } from "@/lib/classes/parse-form";

/** What a teacher or class form gets back from its server action. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

/** A form field as text ("" when absent or a file). */
export function field(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}

/** Typed errors → a form state; anything else is a bug and is rethrown (Next shows the error page). */
export function errorState(e: unknown, values?: Record<string, string>): ActionState {
  if (e instanceof InvalidInput) {
    const { [FORM_ERROR_KEY]: formLevel, ...fieldErrors } = e.fieldErrors;
    return { formError: formLevel ?? "Please correct the fields marked below.", fieldErrors, values };
  }
  if (e instanceof Invalid) return { formError: e.message, fieldErrors: e.fieldErrors, values };
  if (e instanceof AppError) return { formError: e.message, values };
  throw e;
}
