import type { Fact } from "@/lib/content/schema";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import { type BuildContext, rngFor } from "./build-context";
import { type CorpusIndex, entitiesRelated, entityName, factMentions, textMentions } from "./corpus-index";
import { slotCitation, publicCitation } from "./evidence";
import { explainFact } from "./explanation";
import { isContentStem } from "./fact-slots";
import { sameFineCategory } from "./fine-category";
import type { Question } from "./question";
import { stableId } from "./stable-id";

/**
 * The stem of an according-to-whom question, which must not name its answer
 * (the first attributing party): the hand-written `ask.by`; else `ask.who`
 * unless it asks about the claim's content in attributed form ("According to
 * RT, which …") or names the answer; else "Which party gave the account of
 * {label}?". Null when even the template names the answer.
 */
export function accordingToWhomPrompt(ix: CorpusIndex, fact: Fact): string | null {
  const first = fact.attribution?.by[0];
  if (!first) return null;
  const names = (text: string): boolean => textMentions(ix, text, first);
  const by = fact.ask?.by;
  if (by && !names(by)) return by;
  const hand = fact.ask?.who;
  if (hand && !isContentStem(hand) && !names(hand)) return hand;
  const template = `Which party gave the account of ${fact.label}?`;
  return names(template) ? null : template;
}

/**
 * Whether `candidate` could also be credited with the claim: it is, contains
 * or belongs to (`partOf`) an attributing party — the Kremlin speaks for
 * Russia, Peskov for the Kremlin — or the fact's text names it, unless it is
 * the party of a conflicting fact (which said something different).
 */
export function partyCouldBeCredited(ix: CorpusIndex, fact: Fact, candidate: string): boolean {
  const by = fact.attribution?.by ?? [];
  if (by.some((b) => entitiesRelated(ix, b, candidate))) return true;
  const rivals = new Set(
    [...(ix.conflicts.get(fact.id) ?? [])].filter((id) => id !== fact.id).flatMap((id) => ix.factById.get(id)?.attribution?.by ?? []),
  );
  if (rivals.has(candidate)) return false;
  return factMentions(ix, fact, candidate);
}

/**
 * "Which side described the September 2023 operation as …?" for every
 * attributed fact: the answer is the (first) attributing party; wrong options
 * are entities of the party's fine category (`fineCategory`: a government
 * for a government, an outlet for an outlet) that could not be credited with
 * the claim and that the stem does not name, the parties of conflicting
 * accounts first. With fewer than two it is asked as a typed question.
 */
export function accordingToWhomQuestions(ctx: BuildContext): Question[] {
  const { ix } = ctx;
  const out: Question[] = [];
  for (const fact of ctx.facts) {
    const by = fact.attribution?.by ?? [];
    const first = by[0];
    const party = first ? ix.entityById.get(first) : undefined;
    if (!first || !party) continue;
    const prompt = accordingToWhomPrompt(ix, fact);
    if (!prompt) continue;
    const id = stableId("q", ["according-to-whom", fact.id]);
    const rng = rngFor(ctx, id);
    const rivals = new Set(
      [...(ix.conflicts.get(fact.id) ?? [])].flatMap((fid) => (fid === fact.id ? [] : ix.factById.get(fid)?.attribution?.by ?? [])),
    );
    const taken = new Set(by.flatMap((b) => ix.forms.get(b) ?? []).map(normalizeAnswer));
    const candidates = rng
      .shuffle(ix.corpus.entities.filter((e) => sameFineCategory(party, e) && !by.includes(e.id)))
      .filter((e) => !(ix.forms.get(e.id) ?? [e.name]).some((f) => taken.has(normalizeAnswer(f))))
      .filter((e) => !partyCouldBeCredited(ix, fact, e.id) && !textMentions(ix, prompt, e.id))
      .map((e) => ({ e, score: rivals.has(e.id) ? 0 : (e.category && e.category === party.category ? 1 : 2) + (e.partOf && e.partOf === party.partOf ? 0 : 1) }))
      .sort((a, b) => a.score - b.score)
      .slice(0, 3)
      .map((c) => entityName(ix, c.e.id));
    // Parties the prompt itself names ("Who, according to the Kremlin, …") are not the answer.
    const accepted = [...new Set([entityName(ix, first), ...by.filter((b) => b === first || !textMentions(ix, prompt, b)).flatMap((b) => ix.forms.get(b) ?? [])])];
    out.push({
      id,
      type: "according-to-whom",
      prompt,
      ...(candidates.length >= 2 ? { options: [entityName(ix, first), ...candidates] } : {}),
      answer: entityName(ix, first),
      acceptedAnswers: accepted,
      factIds: [fact.id],
      sources: [publicCitation(slotCitation(ix, fact, "by"))],
      explanation: explainFact(ix, fact, entityName(ix, first), "by"),
      about: "claim",
      answerKind: "text",
    });
  }
  return out;
}
