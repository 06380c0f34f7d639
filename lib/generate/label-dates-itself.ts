/**
 * Whether an event label carries its own time: a year or decade ("in 2020",
 * "1980s"), a month ("of September 2023"), or a period or sequence word
 * ("late-Soviet", "at the start of", "since the", "first", "ended", "after").
 * Labels say such things so that one event is told from another in a
 * question about it alone; in a timeline or a date matching they would give
 * the order or the date away (a 1994 date fits "the ceasefire that ended the
 * war that grew out of the late-Soviet standoff" without any knowledge), so
 * those questions use only labels for which this is false.
 */
export function labelDatesItself(label: string): boolean {
  return TEMPORAL_CUE.test(label);
}

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const TEMPORAL_CUE = new RegExp(
  [
    String.raw`\b(?:1[6-9]|20)\d\d(?:s)?\b`,
    String.raw`\b(?:${MONTHS})\b`,
    String.raw`\bSoviet\b`,
    String.raw`\b(?:at the (?:start|end|outset) of|since the|in the wake of|on the eve of)\b`,
    String.raw`\b(?:first|last|renewed|again|earlier|later|before|after|ended|set off|outbreak|followed by)\b`,
    String.raw`\b(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b`,
  ].join("|"),
  "i",
);
