import type { z } from "zod";

/**
 * A zod issue as one readable line: the path in the notation an editor
 * would search for (`when.date`, `sources[1].quote`), then zod's message.
 */
export function formatIssue(issue: z.core.$ZodIssue, prefix = ""): string {
  let where = prefix;
  for (const key of issue.path) {
    if (typeof key === "number") where += `[${key}]`;
    else where += where ? `.${String(key)}` : String(key);
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}
