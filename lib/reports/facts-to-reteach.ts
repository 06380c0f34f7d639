import type { FactKnowledgeRow } from "./fact-knowledge";

/**
 * The `count` facts the class knows least: lowest `knowsShare` first, ties
 * by fact id ascending; rows without a share (empty class) are skipped, and
 * so are facts every student knows — there is nothing to reteach there.
 * Fewer rows come back when there are fewer such facts.
 */
export function factsToReteach(rows: readonly FactKnowledgeRow[], count = 3): FactKnowledgeRow[] {
  return rows
    .filter((r): r is FactKnowledgeRow & { knowsShare: number } => r.knowsShare !== null && r.knowsShare < 1)
    .sort((a, b) => a.knowsShare - b.knowsShare || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0))
    .slice(0, Math.max(0, count));
}
