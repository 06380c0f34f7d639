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
  source: Citation;
  /** `/sources/<slug>#<fact-id>`: the article with the cited sentence highlighted. */
  link: string;
};
