import type { SrsCardState } from "@/lib/srs/card-state";
import type { SrsParams } from "@/lib/srs/params";
import { retrievability } from "@/lib/srs/retrievability";

/**
 * The mean of `retrievability` at `now` over cards that have a memory
 * (never-studied and New cards are left out, not counted as 0), or null
 * when there is none: the share of studied cards the student would recall
 * now, as Anki's "average retrievability".
 */
export function averageRetrievability(states: readonly (SrsCardState | null)[], now: Date, params: SrsParams): number | null {
  let sum = 0;
  let n = 0;
  for (const s of states) {
    const r = s ? retrievability(s, now, params) : null;
    if (r === null) continue;
    sum += r;
    n++;
  }
  return n ? sum / n : null;
}
