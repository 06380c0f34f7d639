import type { Question } from "./question";
import type { Rng } from "./seeded-rng";

/**
 * Multiple-choice and according-to-whom options have no order the student
 * may rely on: dates and figures are not sorted either, since a sorted list
 * puts a lower-bound key first and the latest event last.
 */
export function hasUnorderedOptions(q: Question): boolean {
  return (q.type === "multiple-choice" || q.type === "according-to-whom") && !!q.options;
}

/**
 * Places the correct option of unordered questions so that, over a quiz,
 * each position is used equally often: positions are dealt from seeded
 * shuffles of [0 … k-1], one shuffle per k questions with k options.
 */
export function spreadCorrectPositions(questions: Question[], rng: Rng): Question[] {
  const decks = new Map<number, number[]>();
  return questions.map((q) => {
    if (!hasUnorderedOptions(q) || typeof q.answer !== "string") return q;
    const answer = q.answer;
    const others = rng.shuffle((q.options ?? []).filter((o) => o !== answer));
    const k = others.length + 1;
    let deck = decks.get(k);
    if (!deck || deck.length === 0) {
      deck = rng.shuffle(Array.from({ length: k }, (_, i) => i));
      decks.set(k, deck);
    }
    const pos = deck.pop() ?? 0;
    return { ...q, options: [...others.slice(0, pos), answer, ...others.slice(pos)] };
  });
}
