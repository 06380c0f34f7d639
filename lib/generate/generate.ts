import type { Corpus, Fact } from "@/lib/content/schema";
import { buildBank } from "./bank";
import { corpusIndexOf } from "./corpus-cache";
import type { CorpusIndex } from "./corpus-index";
import { type GenerateOptions, generateOptionsSchema, parseOptions } from "./generate-options";
import { InvalidGenerateOptions } from "./invalid-generate-options";
import { QUESTION_TYPES, type Question } from "./question";
import { createRng } from "./seeded-rng";
import { selectBalanced } from "./select-balanced";
import { spreadCorrectPositions } from "./spread-positions";

/** What a generation returns: the questions, how many were asked for, how many the bank holds. */
export type GenerateResult = { questions: Question[]; requested: number; available: number };

/** The facts a filter keeps; unknown fact ids are an error, not silently nothing. */
export function filterFacts(ix: CorpusIndex, filter: { factIds?: string[] | undefined; tags?: string[] | undefined } | undefined): Fact[] {
  if (!filter) return ix.facts;
  const unknown = (filter.factIds ?? []).filter((id) => !ix.factById.has(id));
  if (unknown.length) throw new InvalidGenerateOptions([`factIds: unknown fact id(s) ${unknown.join(", ")}`]);
  const ids = filter.factIds ? new Set(filter.factIds) : null;
  const tags = filter.tags ? new Set(filter.tags) : null;
  return ix.facts.filter((f) => (!ids || ids.has(f.id)) && (!tags || f.tags.some((t) => tags.has(t))));
}

/**
 * The question bank, or a balanced draw from it.
 *
 * Deterministic: the same corpus and seed give the same questions (ids,
 * options, order); another seed draws other distractors, true/false
 * polarity, sets and order. `count` larger than the bank is capped and
 * stated (`requested` vs `available`); bad options throw
 * `InvalidGenerateOptions`. No giveaway filtering here — that is
 * `assembleQuiz`'s job — so the full bank can be listed.
 */
export function generate(corpus: Corpus, options: GenerateOptions): GenerateResult {
  const opts = parseOptions(generateOptionsSchema, options);
  const ix = corpusIndexOf(corpus);
  const seed = String(opts.seed);
  const facts = filterFacts(ix, opts.factFilter);
  const types = opts.types ? QUESTION_TYPES.filter((t) => opts.types?.includes(t)) : QUESTION_TYPES;
  const bank = buildBank({ ix, seed, facts }, types);
  const requested = opts.count ?? bank.length;
  const rng = createRng(`${seed}|select`);
  const picked = selectBalanced(bank, Math.min(requested, bank.length), rng, false);
  return { questions: spreadCorrectPositions(picked, rng), requested, available: bank.length };
}
