import type { Fact } from "@/lib/content/schema";
import type { CorpusIndex } from "./corpus-index";
import { createRng, type Rng } from "./seeded-rng";

/** What every question builder receives: the indexed corpus, the seed, the facts in scope. */
export type BuildContext = { ix: CorpusIndex; seed: string; facts: Fact[] };

/** A PRNG private to one question, so adding or filtering questions never changes another's draw. */
export function rngFor(ctx: BuildContext, ...key: string[]): Rng {
  return createRng([ctx.seed, ...key].join("|"));
}
