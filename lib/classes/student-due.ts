/**
 * One student's due date for an assignment: the later of the assignment's
 * `dueAt` and the student's extension (if any). An extension only ever
 * gives more time: when a teacher later moves the assignment's due date
 * past an extension, the assignment's date wins. Every place a due date
 * decides something for a student (status and the late flag, reports,
 * the student's dashboard, the review assignment's due date) reads it
 * through this function.
 */
export function studentDueAt(dueAt: Date, extensionDueAt: Date | null | undefined): Date {
  if (!extensionDueAt || extensionDueAt.getTime() <= dueAt.getTime()) return dueAt;
  return extensionDueAt;
}

/** `studentDueAt` for every student of a list, from a map student id → extension. */
export function studentDueDates(dueAt: Date, studentIds: readonly string[], extensions: ReadonlyMap<string, Date>): Map<string, Date> {
  return new Map(studentIds.map((id) => [id, studentDueAt(dueAt, extensions.get(id))]));
}
