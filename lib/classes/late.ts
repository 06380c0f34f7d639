/**
 * Whether work submitted at `submittedAt` is late for `dueAt`: strictly
 * after it. Work submitted at the due instant itself is on time. Both are
 * instants, so the class's time zone plays no part here; it only matters
 * when the due date is typed in (see `zonedLocalToUtc`).
 */
export function isLate(submittedAt: Date, dueAt: Date): boolean {
  return submittedAt.getTime() > dueAt.getTime();
}
