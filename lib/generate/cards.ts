import type { Corpus, Fact } from "@/lib/content/schema";
import { formatWhen } from "@/lib/content/when";
import type { Card } from "./card";
import type { Citation } from "./question";
import { clozeFrame, clozeInSentence, clozeSpans } from "./cloze";
import { corpusIndexOf } from "./corpus-cache";
import { type CorpusIndex, entityName, factLink, isClaim, joinNames, sentenceCase } from "./corpus-index";
import { publicCitation, quoteCitation, slotCitation, withInferredNote } from "./evidence";
import { rangesOverlap, whenRange } from "./date-interval";
import { datedVerb, factSlots, isAnnounced, onWhen } from "./fact-slots";
import { accordingToWhomPrompt } from "./question-according-to-whom";

const KIND_NOUN: Partial<Record<Fact["kind"], string>> = {
  "phone-call": "phone call", meeting: "meeting", visit: "visit", statement: "statement",
  agreement: "agreement", "military-operation": "military operation", hostilities: "outbreak of fighting",
  ceasefire: "ceasefire", letter: "letter", treaty: "treaty", negotiation: "negotiation",
  mediation: "mediation effort", protest: "protest", deployment: "deployment",
  evacuation: "evacuation", humanitarian: "humanitarian development", election: "election",
  background: "development",
};

/**
 * The reverse (date → event) card makes sense only when the date picks out
 * one event: the fact is not a claim, and no other fact of the same kind has
 * a date overlapping it at either precision.
 */
function reverseCard(ix: CorpusIndex, fact: Fact): Card | null {
  const noun = KIND_NOUN[fact.kind];
  if (!fact.when || !noun || isClaim(fact)) return null;
  const r = whenRange(fact.when);
  const clash = ix.facts.some((g) => g.id !== fact.id && g.kind === fact.kind && g.when && rangesOverlap(r, whenRange(g.when)));
  if (clash) return null;
  // Announced talks stay announced, and something that lasted is dated by when it began.
  const verb = datedVerb(fact.kind);
  const front = isAnnounced(fact)
    ? `Which ${noun} was announced for ${formatWhen(fact.when)}?`
    : fact.when.began
      ? `Which ${noun} began ${onWhen(fact.when)}?`
      : verb
        ? `Which ${noun} ${verb} ${verb === "dates from" ? formatWhen(fact.when) : onWhen(fact.when)}?`
        : `Which ${noun} is dated ${formatWhen(fact.when)}?`;
  const ev = slotCitation(ix, fact, "when");
  return { id: `${fact.id}:reverse:when`, factId: fact.id, kind: "reverse", front, back: sentenceCase(fact.label), source: cardCitation(fact, "when", ev), link: factLink(fact, ev.index) };
}

/**
 * Flashcards for every fact: a question → answer card per askable field
 * (claims in attributed form) and, for an attributed claim, "who said it", a date → event card where the date is
 * unambiguous, and a cloze card per blankable item of each quote. Each card
 * cites the evidence for its own answer (`slotCitation`: the sentence that
 * states it, its outlet, and the step when one is needed); a cloze card its
 * own quote. Ids are
 * `<fact-id>:<kind>:<field>` — independent of any seed — so progress keyed on
 * them survives regeneration.
 */
export function generateCards(corpus: Corpus): Card[] {
  const ix = corpusIndexOf(corpus);
  const cards: Card[] = [];
  for (const fact of ix.facts) {
    for (const slot of factSlots(ix, fact)) {
      // "Name one place …": any of them, so the back lists them all. A stem that names the others
      // ("Besides the engagement line in Nagorno-Karabakh, along which corridor …") has one answer.
      const back = slot.field === "where" && slot.trueIds.length > 1 && /^Name one place\b/.test(slot.stem) ? joinNames(slot.trueIds.map((id) => entityName(ix, id))) : slot.answer;
      const ev = slotCitation(ix, fact, slot.key);
      cards.push({ id: `${fact.id}:qa:${slot.key}`, factId: fact.id, kind: "qa", front: slot.stem, back, source: cardCitation(fact, slot.key, ev), link: factLink(fact, ev.index) });
    }
    const claimStem = fact.attribution ? accordingToWhomPrompt(ix, fact) : null;
    const by = fact.attribution?.by[0];
    if (claimStem && by) {
      const ev = slotCitation(ix, fact, "by");
      cards.push({ id: `${fact.id}:qa:claim`, factId: fact.id, kind: "qa", front: claimStem, back: entityName(ix, by), source: publicCitation(ev), link: factLink(fact, ev.index) });
    }
    const rev = reverseCard(ix, fact);
    if (rev) cards.push(rev);
    fact.sources.forEach((ref, qi) => {
      for (const span of clozeSpans(ix, fact, ref.quote)) {
        const shown = clozeInSentence(ix, fact, qi, span.blanked, span.answer);
        cards.push({
          id: `${fact.id}:cloze:${span.key}${qi ? `@${qi}` : ""}`,
          factId: fact.id,
          kind: "cloze",
          front: clozeFrame(ix, fact, shown.blanked, qi),
          back: span.answer,
          source: { ...quoteCitation(ix, fact, qi), quote: shown.quote },
          link: factLink(fact, qi),
        });
      }
    });
  }
  return cards;
}

/** A card's evidence: a date card's step ends with the inferred-date note, as `cardStep` gives it at review. */
function cardCitation(fact: Fact, key: string, ev: Citation): Citation {
  const c = publicCitation(ev);
  const step = withInferredNote(fact, key, c.step);
  return step ? { ...c, step } : c;
}

/** A card as `npm run generate -- --cards` prints it (docs/question-bank.md). */
export type CardJson = {
  id: string;
  factId: string;
  kind: Card["kind"];
  front: string;
  back: string;
  quote: string;
  sourceSlug: string;
  outlet: string;
  link: string;
  step?: string;
};

/** The flat JSON contract of a card: the quote, its article and that article's outlet, and the step if any. */
export function cardJson(ix: CorpusIndex, card: Card): CardJson {
  const { id, factId, kind, front, back, link } = card;
  const outlet = card.source.outlet ?? ix.sourceBySlug.get(card.source.slug)?.outlet ?? card.source.slug;
  return { id, factId, kind, front, back, quote: card.source.quote, sourceSlug: card.source.slug, outlet, link, ...(card.source.step ? { step: card.source.step } : {}) };
}
