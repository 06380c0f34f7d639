import type { Corpus } from "@/lib/content/schema";
import { assembleQuiz } from "@/lib/generate/assemble-quiz";
import type { QuestionType } from "@/lib/generate/question";

/**
 * How many questions a quiz over `factIds` with `types` can hold for every
 * one of `seeds`: the smallest `available` that `assembleQuiz` reports
 * (at most one question per fact, none giving another away — so the figure
 * depends a little on the seed). 0 when no question of these types fits
 * the facts, or there are no facts or no seeds.
 */
export function quizCapacity(corpus: Corpus, input: { factIds: readonly string[]; types: readonly QuestionType[]; seeds: readonly string[] }): number {
  if (input.factIds.length === 0 || input.seeds.length === 0) return 0;
  let min = Infinity;
  for (const seed of input.seeds) {
    const { available } = assembleQuiz(corpus, { seed, count: 1, factIds: [...input.factIds], types: [...input.types] });
    min = Math.min(min, available);
    if (min === 0) break;
  }
  return min;
}

/** The seeds an assignment's quizzes are drawn with (see lib/data `assignmentQuestions`). */
export function assignmentSeeds(input: { seed: string; questionSet: "fixed" | "per-student"; studentIds: readonly string[]; probes: number }): string[] {
  if (input.questionSet === "fixed") return [input.seed];
  // Students who join later draw with seeds not known yet: a few stand-ins make their draws likely to fit too.
  const probes = Array.from({ length: input.probes }, (_, i) => `${input.seed}:probe-${i}`);
  return [...input.studentIds.map((id) => `${input.seed}:${id}`), ...probes];
}
