import type { z } from "zod";
import { InvalidInput } from "./invalid-input";

/** The key used for an issue that belongs to no single field. */
export const FORM_ERROR_KEY = "_form";

/**
 * zod issues as field errors: the key is the issue path joined with "."
 * (`timeMultipliers.s1`), or `_form` for an issue on the whole form; when a
 * field has several issues the first one wins, because a person fixes one
 * thing at a time.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length === 0 ? FORM_ERROR_KEY : issue.path.map(String).join(".");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string> };

/** `safeParse` that answers with field errors instead of a ZodError. */
export function safeParseForm<T>(schema: z.ZodType<T>, input: unknown): FormResult<T> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, fieldErrors: fieldErrorsOf(r.error.issues) };
}

/** `parse` that throws `InvalidInput` (with field errors) instead of a ZodError. */
export function parseForm<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = safeParseForm(schema, input);
  if (!r.ok) throw new InvalidInput(r.fieldErrors);
  return r.data;
}
