/**
 * Facts that deliberately yield no card or no question, with the reason.
 * The coverage test fails for any other fact that yields nothing, so a fact
 * lands here only by a reviewed decision.
 */
export const UNGENERATABLE_FACTS: Readonly<Record<string, string>> = {
  "statement-2020-positions-held":
    "no date, place or figure, and its parties are governments the quote calls only 'the Azerbaijani and Armenian sides': no template can ask who 'took part in' a provision of a text truthfully, and the quote names no entity to blank",
  "karabakh-population-armenian":
    "question only: its one askable slot is the place, Nagorno-Karabakh, the corpus's topic — a typed \"Which region's population …?\" answers itself in a quiz on Nagorno-Karabakh (`asksTheTopic`); its cards stay",
  "sporadic-fighting-after-1994":
    "question only: its one askable slot is the place, Nagorno-Karabakh, the corpus's topic — a typed \"Which region has been marred by sporadic fighting …?\" answers itself (`asksTheTopic`); its cards stay",
  "yerevan-accuses-baku-of-breaking-ceasefire":
    "question only: its one askable slot is the party, and \"Which side rejected Baku's justification …?\" names the other of the two sides, so it answers itself; without Baku in the stem, \"accused its opponent of breaking a ceasefire\" fits Baku's own claim too. Its cards stay, and its words lead the paired questions on Baku's account",
  "territorial-disputes-surface":
    "the quote says only that territorial disputes 'between the two sides have surfaced from time to time': it names neither side (Armenia and Azerbaijan, from the sentence before) nor where the disputes arose, so there is no date, place or figure to ask and no entity to blank",
};
