import { Invalid } from "@/lib/errors";
import { zonedLocalToUtc } from "./zoned-time";

/**
 * A student's extended due date, typed "YYYY-MM-DDTHH:mm" in the class's
 * zone: a real date and time strictly after the assignment's own due date
 * (an extension gives more time; to give everyone more, edit the assignment).
 *
 * @throws Invalid with a `dueAt` field error.
 */
export function parseExtensionDueAt(local: string, timeZone: string, assignmentDueAt: Date): Date {
  let at: Date;
  try {
    at = zonedLocalToUtc(local.trim(), timeZone);
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    throw Invalid.fields({ dueAt: "That isn't a real date and time; enter one like 2025-03-14T09:30." });
  }
  if (at.getTime() <= assignmentDueAt.getTime()) {
    throw Invalid.fields({ dueAt: "An extension must be later than the assignment's due date." });
  }
  return at;
}
