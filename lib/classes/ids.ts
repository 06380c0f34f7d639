import { z } from "zod";

/**
 * Ids that arrive from outside (form fields, route params, query strings)
 * are parsed before they reach a query: what the app makes (UUIDs,
 * better-auth's alphanumeric ids, the seed's "demo-class") is letters,
 * digits, "-" and "_", at most 100 characters. Anything else cannot name a
 * row, so it is refused with a sentence instead of being looked up.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** An id field: trimmed, non-empty (`missing` when empty), of the shape above (`malformed` otherwise). */
export function idSchema(missing: string, malformed = "That link or form is not valid: reload the page and try again.") {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .regex(ID_PATTERN, malformed);
}

export const classIdSchema = idSchema("Choose a class.");
export const assignmentIdSchema = idSchema("Choose an assignment.");
export const studentIdSchema = idSchema("Choose a student.");

/** A route param: the id, or null when it cannot be one (the page then answers 404). */
export function parseRouteId(value: unknown): string | null {
  const r = z.string().regex(ID_PATTERN).safeParse(value);
  return r.success ? r.data : null;
}
