import type { Fact } from "@/lib/content/schema";
import { formatWhen } from "@/lib/content/when";
import { declaredStep, evidenceSentence, formatStep, slotEvidence } from "@/lib/content/evidence";
import { type CorpusIndex, citationOf } from "./corpus-index";
import type { Citation } from "./question";

/**
 * The evidence a question or card about one slot of a fact shows: the whole
 * sentence around the quote that states that slot's value (`slotEvidence`,
 * `sentenceAround`), the outlet of its article, and the step in words when
 * the sentence needs one. `index` is the quote's
 * place in `fact.sources`, for the link `/sources/<slug>#<fact-id>`.
 * Slot keys: `when`, `who:<entity>`, `where:<entity>`, `number:<i>`, `by`
 * (or `claim`) for the party of a claim.
 */
export function slotCitation(ix: CorpusIndex, fact: Fact, key: string): Citation & { index: number } {
  // Memoised: every builder and every seed asks for the same few hundred citations.
  const memoKey = `evidence\u0000${fact.id}\u0000${key}`;
  const hit = ix.memo.get(memoKey) as (Citation & { index: number }) | undefined;
  if (hit) return hit;
  const out = computeSlotCitation(ix, fact, key);
  ix.memo.set(memoKey, out);
  return out;
}

function computeSlotCitation(ix: CorpusIndex, fact: Fact, key: string): Citation & { index: number } {
  const ev = slotEvidence(fact, key, ix.entityById, ix.sourceBySlug);
  const c = quoteCitation(ix, fact, ev.index);
  return { ...c, quote: evidenceSentence(fact, ev.index, ix.sourceBySlug), ...(ev.step ? { step: formatStep(ev.step) } : {}), index: ev.index };
}

/** One of a fact's quotes as a citation, with the outlet of its article (a cloze shows its own quote). */
export function quoteCitation(ix: CorpusIndex, fact: Fact, index: number): Citation {
  const c = citationOf(fact, index);
  const outlet = ix.sourceBySlug.get(c.slug)?.outlet;
  return { ...c, ...(outlet ? { outlet } : {}) };
}

/** A citation without the generator's bookkeeping (`index`), as the JSON contract prints it. */
export function publicCitation(c: Citation & { index?: number }): Citation {
  const { slug, quote, outlet, step } = c;
  return { slug, quote, ...(outlet ? { outlet } : {}), ...(step ? { step } : {}) };
}

/**
 * The slot a card shows evidence for, from its id (`<fact>:qa:<slot>`,
 * `<fact>:reverse:when`); null for a cloze card, whose evidence is its own quote.
 */
export function cardSlotKey(cardId: string): string | null {
  const [, kind, ...rest] = cardId.split(":");
  if (kind === "reverse") return "when";
  if (kind !== "qa") return null;
  const key = rest.join(":");
  return key === "claim" ? "by" : key;
}

/**
 * The step in words a card's evidence declares ("“on Monday” — …"), or null;
 * a card that asks or shows an inferred date ends with `inferredDateNote`.
 * Read from the fact alone.
 */
export function cardStep(fact: Fact, cardId: string): string | null {
  const key = cardSlotKey(cardId);
  const step = key ? declaredStep(fact, key) : undefined;
  return withInferredNote(fact, key, step ? formatStep(step) : undefined) ?? null;
}

/** "Inferred date: 2 November 2020 is not printed in full in the article. <reason>", for a fact whose date is inferred. */
export function inferredDateNote(fact: Fact): string | null {
  const w = fact.when;
  if (!w?.inferred || !w.reason) return null;
  return `Inferred date: ${formatWhen(w)} is not printed in full in the article. ${asSentence(w.reason)}`;
}

/** Text ending in a full stop, unless it ends in one already (or in "?" / "!"). */
export function asSentence(text: string): string {
  const t = text.trim();
  return /[.?!]$/.test(t) ? t : `${t}.`;
}

/** A when-slot's step followed by the fact's inferred-date note (the step alone for other slots). */
export function withInferredNote(fact: Fact, key: string | null, step: string | undefined): string | undefined {
  const note = key === "when" ? inferredDateNote(fact) : null;
  if (!note) return step;
  return step ? `${asSentence(step)} ${note}` : note;
}

/** A quote's whole sentence in its article (`evidenceSentence`), memoised on the corpus index: finding it normalises the article. */
export function sentenceOf(ix: CorpusIndex, fact: Fact, index: number): string {
  const key = `sentence\u0000${fact.id}\u0000${index}`;
  const hit = ix.memo.get(key) as string | undefined;
  if (hit !== undefined) return hit;
  const sentence = evidenceSentence(fact, index, ix.sourceBySlug);
  ix.memo.set(key, sentence);
  return sentence;
}
