/**
 * The one rule for items a teacher hid from a class (lib/data item-reports
 * `setFactHidden`): an item — a quiz question or a flashcard — is hidden
 * when any fact it is about is hidden. Questions and cards are generated
 * from facts, so hiding the fact keeps the same wrong or confusing content
 * from coming back as another question or card. Used by quiz assembly
 * (lib/generate `assembleQuiz`, option `hiddenFactIds`) and by the review
 * queue (lib/data reviews `deckQueue`).
 */
export function isHiddenItem(factIds: readonly string[], hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false;
  for (const f of factIds) if (hidden.has(f)) return true;
  return false;
}

/** `items` without the hidden ones (see `isHiddenItem`), in their order. */
export function withoutHidden<T>(items: readonly T[], factIdsOf: (item: T) => readonly string[], hidden: ReadonlySet<string>): T[] {
  return hidden.size === 0 ? [...items] : items.filter((item) => !isHiddenItem(factIdsOf(item), hidden));
}
