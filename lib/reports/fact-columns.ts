import type { FactKnowledgeRow } from "./fact-knowledge";

export type FactColumn = "factId" | "quizCorrectShare" | "meanRecall" | "knowsShare";
export type SortDirection = "asc" | "desc";
type Comparator = (a: FactKnowledgeRow, b: FactKnowledgeRow) => number;

function byFactId(a: FactKnowledgeRow, b: FactKnowledgeRow): number {
  return a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0;
}

function byNumber(pick: (row: FactKnowledgeRow) => number | null, direction: SortDirection): Comparator {
  return (a, b) => {
    const x = pick(a);
    const y = pick(b);
    if (x === null || y === null) return x === y ? byFactId(a, b) : x === null ? 1 : -1;
    return (direction === "asc" ? x - y : y - x) || byFactId(a, b);
  };
}

/**
 * A comparator for one column of the per-fact table. Numbers sort in the
 * given direction; rows without a value (null) always go last, whichever the
 * direction, so "no data" never tops a list; ties break by fact id
 * ascending. The fact-id column itself sorts by id in the given direction.
 */
export function compareFactRows(column: FactColumn, direction: SortDirection = "asc"): Comparator {
  switch (column) {
    case "factId":
      return direction === "asc" ? byFactId : (a, b) => byFactId(b, a);
    case "quizCorrectShare":
      return byNumber((r) => r.quizCorrectShare, direction);
    case "meanRecall":
      return byNumber((r) => r.meanRecall, direction);
    case "knowsShare":
      return byNumber((r) => r.knowsShare, direction);
  }
}

/** Ascending comparators, one per column (see `compareFactRows`). */
export const factRowComparators: Readonly<Record<FactColumn, Comparator>> = {
  factId: compareFactRows("factId"),
  quizCorrectShare: compareFactRows("quizCorrectShare"),
  meanRecall: compareFactRows("meanRecall"),
  knowsShare: compareFactRows("knowsShare"),
};

/** A sorted copy of `rows` by one column (see `compareFactRows`). */
export function sortFactRows(rows: readonly FactKnowledgeRow[], column: FactColumn, direction: SortDirection = "asc"): FactKnowledgeRow[] {
  return [...rows].sort(compareFactRows(column, direction));
}
