import type { z } from "zod";
import { Invalid } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/field-errors";

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string> };

/** `safeParse` that answers with field errors instead of a ZodError. */
export function safeParseForm<T>(schema: z.ZodType<T>, input: unknown): FormResult<T> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, fieldErrors: fieldErrorsOf(r.error.issues) };
}

/** `parse` that throws `Invalid` (with field errors) instead of a ZodError. */
export function parseForm<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = safeParseForm(schema, input);
  if (!r.ok) throw Invalid.fields(r.fieldErrors);
  return r.data;
}
