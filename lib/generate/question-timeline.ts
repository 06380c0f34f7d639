import type { Fact } from "@/lib/content/schema";
import { formatWhen } from "@/lib/content/when";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import { type BuildContext, rngFor } from "./build-context";
import { sentenceCase } from "./corpus-index";
import { slotCitation, publicCitation } from "./evidence";
import { rangesOverlap, whenRange } from "./date-interval";
import { explainFacts } from "./explanation";
import { dateStatedPlainly } from "./fact-slots";
import { labelDatesItself } from "./label-dates-itself";
import { type GiveawayLinks, giveawayLinks } from "./giveaway-links";
import type { Question } from "./question";
import { stableId } from "./stable-id";

/**
 * Picks up to `size` facts whose dates can be told apart: no two date ranges
 * overlap (a September 2020 event and 27 September 2020 cannot be ordered),
 * no two labels are the same after normalisation, and no two are in each
 * other's giveaway group (labels such as "… the day before his call with the
 * Azerbaijani president" and "… the day after …" give the order away).
 */
export function separableFacts(pool: Fact[], size: number, links?: GiveawayLinks): Fact[] {
  const chosen: Fact[] = [];
  for (const f of pool) {
    if (!f.when) continue;
    const r = whenRange(f.when);
    const ok = chosen.every(
      (c) => c.when && !rangesOverlap(r, whenRange(c.when)) && normalizeAnswer(c.label) !== normalizeAnswer(f.label) && !links?.get(c.id)?.has(f.id),
    );
    if (ok) chosen.push(f);
    if (chosen.length === size) break;
  }
  return chosen;
}

export function byDate(a: Fact, b: Fact): number {
  return (a.when ? whenRange(a.when)[0] : 0) - (b.when ? whenRange(b.when)[0] : 0);
}

/**
 * Timeline questions: 4–6 dated, uncontested events to put in order, earliest
 * first (a claim only when its date is that of the saying: `dateStatedPlainly`).
 * About one set per four eligible facts; sets are drawn by the seed and
 * a set's id depends only on its facts.
 */
export function timelineQuestions(ctx: BuildContext): Question[] {
  const pool = ctx.facts.filter((f) => f.when && !f.contested && dateStatedPlainly(ctx.ix, f) && !labelDatesItself(f.label));
  if (pool.length < 4) return [];
  const rng = rngFor(ctx, "timeline");
  const out = new Map<string, Question>();
  const sets = Math.max(1, Math.floor(pool.length / 4));
  for (let s = 0; s < sets; s++) {
    const chosen = separableFacts(rng.shuffle(pool), 4 + rng.int(3), giveawayLinks(ctx.ix));
    if (chosen.length < 4) continue;
    const sorted = chosen.slice().sort(byDate);
    const id = stableId("q", ["timeline", ...sorted.map((f) => f.id).sort()]);
    if (out.has(id)) continue;
    const answer = sorted.map((f) => sentenceCase(f.label));
    let options = rng.shuffle(answer);
    for (let i = 0; i < 5 && options.join("\u0000") === answer.join("\u0000"); i++) options = rng.shuffle(answer);
    if (options.join("\u0000") === answer.join("\u0000")) options = answer.slice().reverse();
    out.set(id, {
      id,
      type: "timeline",
      prompt: "Put these events in chronological order, earliest first.",
      options,
      answer,
      factIds: sorted.map((f) => f.id),
      sources: sorted.map((f) => publicCitation(slotCitation(ctx.ix, f, "when"))),
      explanation: explainFacts(ctx.ix, sorted, answer.join(" → "), (f) => `${sentenceCase(f.label)} — ${f.when ? formatWhen(f.when) : ""}`),
      about: "order",
    });
  }
  return [...out.values()];
}
