import type { z } from "zod";

/** The key used for an issue that belongs to no single field. */
export const FORM_ERROR_KEY = "_form";

/**
 * zod issues as field errors, the one mapper every edge and form uses: the
 * key is the issue path joined with "." (`timeMultipliers.s1`), or `rootKey`
 * (default `_form`) for an issue on the whole input; when a field has
 * several issues the first one wins, because a person fixes one thing at a
 * time.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], rootKey: string = FORM_ERROR_KEY): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length === 0 ? rootKey : issue.path.map(String).join(".");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
