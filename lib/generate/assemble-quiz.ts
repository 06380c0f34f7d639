import type { Corpus } from "@/lib/content/schema";
import { withoutHidden } from "@/lib/classes/hidden-facts";
import { buildBank } from "./bank";
import { corpusIndexOf } from "./corpus-cache";
import { type AssembleOptions, assembleOptionsSchema, parseOptions } from "./generate-options";
import { filterFacts, type GenerateResult } from "./generate";
import { giveawayLinks } from "./giveaway-links";
import { QUESTION_TYPES } from "./question";
import { createRng } from "./seeded-rng";
import { selectBalanced } from "./select-balanced";
import { spreadCorrectPositions } from "./spread-positions";

/**
 * A quiz for a deck: a balanced mix of types and facts drawn from the deck's
 * facts (`factIds`, default all), in which no question gives away another's
 * answer (at most one question per fact, none printing another's answer —
 * see `givesAway` — and at most one from a fact's giveaway group — see
 * `giveawayLinks`), and none about a fact in `hiddenFactIds` (a fact a
 * teacher hid from the class: `withoutHidden`). `available` is how
 * many questions such a quiz can hold at most for this seed; a larger
 * `count` is capped to it.
 */
export function assembleQuiz(corpus: Corpus, options: AssembleOptions): GenerateResult {
  const opts = parseOptions(assembleOptionsSchema, options);
  const ix = corpusIndexOf(corpus);
  const seed = String(opts.seed);
  const facts = filterFacts(ix, opts.factIds ? { factIds: opts.factIds } : undefined);
  const types = opts.types ? QUESTION_TYPES.filter((t) => opts.types?.includes(t)) : QUESTION_TYPES;
  const bank = withoutHidden(buildBank({ ix, seed, facts }, types), (q) => q.factIds, new Set(opts.hiddenFactIds ?? []));
  const rng = createRng(`${seed}|quiz`);
  const all = selectBalanced(bank, bank.length, rng, true, giveawayLinks(ix));
  const picked = all.slice(0, opts.count);
  return { questions: spreadCorrectPositions(picked, rng), requested: opts.count, available: all.length };
}
