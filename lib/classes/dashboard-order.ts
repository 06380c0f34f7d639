/** What dashboard ordering looks at. */
export type DashboardAssignment = { id: string; title: string; dueAt: Date };

const titleCollator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * Dashboard order: earliest due date first; equal due dates by title
 * (case- and accent-insensitive, numbers by value so "Quiz 2" precedes
 * "Quiz 10"); then by id, so the order is total and stable across renders.
 */
export function compareForDashboard(a: DashboardAssignment, b: DashboardAssignment): number {
  return (
    a.dueAt.getTime() - b.dueAt.getTime() ||
    titleCollator.compare(a.title, b.title) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A new array in dashboard order (see `compareForDashboard`); the input is not changed. */
export function sortForDashboard<T extends DashboardAssignment>(assignments: readonly T[]): T[] {
  return [...assignments].sort(compareForDashboard);
}
