import type { Fact } from "@/lib/content/schema";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import { type BuildContext, rngFor } from "./build-context";
import { type CorpusIndex, descriptorIn, entitiesAligned, entitiesRelated, entityName, factMentions, textMentions } from "./corpus-index";
import { slotCitation, publicCitation } from "./evidence";
import { explainFact } from "./explanation";
import { isContentStem } from "./fact-slots";
import { sameFineCategory } from "./fine-category";
import { plausiblePersonOption } from "./person-plausibility";
import type { Question } from "./question";
import { stableId } from "./stable-id";
import { couldHoldRole, entityCountries, stemRole } from "./stem-role";

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
  // A stem that names the answer, or describes it as only it could be ("Which government, a
  // long-time ally of Azerbaijan, …"), gives it away.
  const names = (text: string): boolean => textMentions(ix, text, first) || descriptorIn(ix, text, first) !== null;
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
    const prompt = accordingToWhomPrompt(ix, fact);
    if (!prompt) continue;
    const q = whoSaidQuestion(ctx, fact, prompt, stableId("q", ["according-to-whom", fact.id]), [fact]);
    if (q) out.push(q);
  }
  for (const fact of ctx.facts) for (const q of pairedAccountQuestions(ctx, fact)) out.push(q);
  return out;
}

/** A claim's statement as a sentence of a stem: without the outlet notes ("(TASS)"). */
export function accountSentence(fact: Fact): string {
  return fact.statement.replace(/\s*\((?:TASS|RT|Asbarez|Azatutyun)\)/g, "").trim();
}

/**
 * Paired accounts: where the articles give two parties' differing versions
 * of one thing, the rival version is stated (as that party's claim) and the
 * question asks whose the other one is: "Baku described its September 2023
 * operation … as “local anti-terrorist measures”. Which side called what was
 * happening … “an act of large-scale aggression”?" A rival statement that
 * names the answer ("Ankara blamed Yerevan …") would give it away: none then.
 */
function pairedAccountQuestions(ctx: BuildContext, fact: Fact): Question[] {
  const { ix } = ctx;
  const first = fact.attribution?.by[0];
  const prompt = accordingToWhomPrompt(ix, fact);
  // "Baku said X. Which side said Y?" has one answer a student gets without the fact: of the
  // conflict's two sides, the one not named. The paired accounts are asked by their content instead
  // (the cloze of the claim's own words, led by the rival account).
  if (!first || !prompt || !fact.contested || /\bwhich side\b/i.test(prompt)) return [];
  const out: Question[] = [];
  for (const rivalId of fact.conflictsWith) {
    const rival = ix.factById.get(rivalId);
    if (!rival || !ctx.facts.includes(rival)) continue;
    const sentence = accountSentence(rival);
    if ((fact.attribution?.by ?? []).some((b) => textMentions(ix, sentence, b) || descriptorIn(ix, sentence, b) !== null)) continue;
    // A stem that already names the rival account ("… asked about the Armenian media report …") would say it twice.
    if ((rival.attribution?.by ?? []).some((b) => textMentions(ix, prompt, b))) continue;
    const stem = `${sentence} ${prompt}`;
    const q = whoSaidQuestion(ctx, fact, stem, stableId("q", ["according-to-whom", fact.id, "paired", rival.id]), [fact, rival]);
    if (q) out.push(q);
  }
  return out;
}

/**
 * Who made `fact`'s claim, asked by `prompt`: options of the party's fine
 * category that could not be credited with it, that the prompt does not name
 * and that fit the role the prompt names; typed when fewer than two remain.
 */
function whoSaidQuestion(ctx: BuildContext, fact: Fact, prompt: string, id: string, facts: Fact[]): Question | null {
  const { ix } = ctx;
  const by = fact.attribution?.by ?? [];
  const first = by[0];
  const party = first ? ix.entityById.get(first) : undefined;
  if (!first || !party) return null;
  const rng = rngFor(ctx, id);
  const role = stemRole(ix, prompt);
  const rivals = new Set(
    [...(ix.conflicts.get(fact.id) ?? [])].flatMap((fid) => (fid === fact.id ? [] : ix.factById.get(fid)?.attribution?.by ?? [])),
  );
  const taken = new Set(by.flatMap((b) => ix.forms.get(b) ?? []).map(normalizeAnswer));
  // A state the prompt names ("called on Russia", "the dialogue involving Moscow, Yerevan, Baku"):
  // its own people are no wrong option — Putin calling on Russia is absurd, and Pashinyan may well
  // have hoped for a dialogue involving Yerevan.
  // So is a person's state: "Who … stressed to Putin …?" never offers Putin's own minister.
  const namedStates = new Set(
    ix.corpus.entities
      .filter((e) => (e.type === "place" && e.demonym) || (e.type === "organisation" && e.category === "government") || e.type === "person")
      .filter((e) => e.id !== first && textMentions(ix, prompt, e.id))
      .flatMap((e) => [...entityCountries(ix, e.id)]),
  );
  const candidates = rng
    .shuffle(ix.corpus.entities.filter((e) => sameFineCategory(party, e) && !by.includes(e.id)))
    .filter((e) => !(ix.forms.get(e.id) ?? [e.name]).some((f) => taken.has(normalizeAnswer(f))))
    .filter((e) => !partyCouldBeCredited(ix, fact, e.id) && !textMentions(ix, prompt, e.id))
    // An ally of the party could have said the same ("the Nagorno-Karabakh authorities" for Yerevan's
    // words), and the articles do not say what an ally of the rival said ("the Nagorno-Karabakh
    // authorities" for Baku's): ambiguous either way, never a wrong option.
    .filter((e) => ![...by, ...rivals].some((b) => entitiesAligned(ix, b, e.id)))
    .filter((e) => ![...entityCountries(ix, e.id)].some((c) => namedStates.has(c)))
    // "Which Kremlin official …" offers Kremlin officials only, or no options at all.
    .filter((e) => !role || couldHoldRole(ix, e.id, role))
    // Someone the articles show in that year, and a leader against a leader.
    .filter((e) => plausiblePersonOption(ix, fact, first, e.id))
    .map((e) => ({ e, score: rivals.has(e.id) ? 0 : (e.category && e.category === party.category ? 1 : 2) + (e.partOf && e.partOf === party.partOf ? 0 : 1) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((c) => entityName(ix, c.e.id));
  // "Which side …?" asks which of the conflict's sides: only a rival side is a wrong option (a mediator
  // is no "side", so "the Russian government" would give the answer away), and the two accounts make a
  // fair two-way choice. With no rival account, the question is typed.
  const sideAsked = /\bwhich side\b/i.test(prompt);
  // "Which side rejected Baku's justification …?" names one of the two sides: the other is the answer.
  if (sideAsked && [...rivals].some((r) => textMentions(ix, prompt, r))) return null;
  const sides = sideAsked ? candidates.filter((name) => [...rivals].some((r) => entityName(ix, r) === name)) : candidates;
  // "Which outlet reported …?": that another outlet did not is "not mentioned", never provably false — typed.
  const outlet = /\bnews\b/i.test(party.category ?? "");
  // A stem that names the speaker's own state ("encroachments on the territory of the Republic of Armenia")
  // speaks for it: the one option of that state is the answer, whoever else is offered — typed.
  const ownStateNamed = !sideAsked && [...entityCountries(ix, first)].some((c) => namedStates.has(c) || textMentions(ix, prompt, c));
  const enough = !outlet && !ownStateNamed && (sideAsked ? sides.length >= 1 : sides.length >= 2);
  // Parties the prompt itself names ("Who, according to the Kremlin, …") are not the answer.
  // "Who …?" asks for the person: a co-attributed body ("the Kremlin", which reported Putin's words) is no answer to it.
  const personAsked = party.type === "person" && /^Who\b/.test(prompt);
  const credited = by.filter((b) => b === first || (!textMentions(ix, prompt, b) && !(personAsked && ix.entityById.get(b)?.type !== "person")));
  const accepted = [...new Set([entityName(ix, first), ...credited.flatMap((b) => ix.forms.get(b) ?? [])])];
  return {
    id,
    type: "according-to-whom",
    prompt,
    ...(enough ? { options: rng.shuffle([entityName(ix, first), ...sides]) } : {}),
    answer: entityName(ix, first),
    acceptedAnswers: accepted,
    factIds: facts.map((f) => f.id),
    // Each account is proven by the sentence that names its party (the rival's too, in a paired question).
    sources: facts.map((f) => publicCitation(slotCitation(ix, f, "by"))),
    explanation: explainFact(ix, fact, entityName(ix, first), "by"),
    about: "claim",
    answerKind: "text",
  };
}
