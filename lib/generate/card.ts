import type { Citation } from "./question";

/**
 * A spaced-repetition card. `id` is a stable function of the fact id, the
 * card kind and the field it asks about — never of a seed — because student
 * progress is keyed on it and must survive regeneration.
 */
export type Card = {
  id: string;
  factId: string;
  kind: "qa" | "reverse" | "cloze";
  front: string;
  back: string;
  /**
   * The evidence for `back`: the sentence that states it (a cloze card: the
   * quote it blanks), its article's slug and outlet, and the step in words
   * when the sentence needs one. `cardJson` prints it flat.
   */
  source: Citation;
  /** `/sources/<slug>#<fact-id>`: the article with the cited sentence highlighted. */
  link: string;
};
