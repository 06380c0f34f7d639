import type { Fact } from "@/lib/content/schema";
import { type CorpusIndex, claimParty, entityName, factLink, isClaim, joinNames } from "./corpus-index";
import { asSentence, quoteCitation, sentenceOf, slotCitation } from "./evidence";
import type { Citation } from "./question";

/**
 * The text shown after answering: the correct answer, the sentence that
 * states it with its outlet and headline, the step in words when the
 * sentence needs one ("“on Monday” — Monday was 2 November 2020"), and the
 * link `/sources/<slug>#<fact-id>`. A claim says whose account it is, and
 * who gives a different account when it is contested.
 *
 * `at` is the slot the question asks about (`when`, `who:<id>`, `where:<id>`,
 * `number:<i>`, `by`) — its evidence is quoted, not the fact's first quote —
 * or, for a cloze, the index of the quote it blanks.
 */
export function explainFact(ix: CorpusIndex, fact: Fact, answerText: string, at: number | string = 0): string {
  // A cloze's quote is read in its whole sentence (`clozeInSentence`), as its sources show it.
  const c = typeof at === "string" ? slotCitation(ix, fact, at) : { ...quoteCitation(ix, fact, at), quote: sentenceOf(ix, fact, at), index: at };
  const src = ix.sourceBySlug.get(c.slug);
  const parts = [answerSentence(answerText)];
  // When a party said something is not that party's account: the outlet reports it ("On what date did
  // Aliyev call on Russia …?" is no "Ilham Aliyev's account").
  if (isClaim(fact) && at !== "when") {
    const party = claimParty(ix, fact);
    // "RT's account as reported by RT" says nothing the first half does not.
    const reported = src && src.outlet.toLowerCase() !== party.toLowerCase() ? ` as reported by ${src.outlet}` : "";
    parts.push(fact.contested ? `This is ${accountOf(party)}${reported}; ${disputedBy(ix, fact)}` : `This is ${accountOf(party)}${reported}.`);
  }
  parts.push(`“${c.quote}” — ${src ? `${src.outlet}, “${src.headline}”` : c.slug}.`);
  if (c.step) parts.push(stepSentence(c));
  parts.push(`Source: ${factLink(fact, c.index)}`);
  return parts.join(" ");
}

/**
 * For questions over several facts: the answer, then one cited line per
 * fact, each quoting the evidence for `key` (the date, for a timeline).
 */
export function explainFacts(ix: CorpusIndex, facts: Fact[], answerText: string, lineFor: (f: Fact) => string, key = "when"): string {
  const lines = facts.map((f) => {
    const c = slotCitation(ix, f, key);
    const step = c.step ? ` ${stepSentence(c)}` : "";
    return `${lineFor(f)}: “${c.quote}” — ${c.outlet ?? c.slug}.${step} Source: ${factLink(f, c.index)}`;
  });
  return [answerSentence(answerText), ...lines].join("\n");
}

/** "How the sentence says it: “on Monday” — Monday was 2 November 2020." */
function stepSentence(c: Citation): string {
  return `How the sentence says it: ${asSentence(c.step ?? "")}`;
}

/** "Answer: X." — without a second full stop when X is a sentence ("False. The date … is 1997."). */
function answerSentence(answerText: string): string {
  return `Answer: ${asSentence(answerText)}`;
}

/**
 * Who disputes a contested claim, as the articles give it: "the Armenian
 * government gives a different account, so it is not an established fact."
 * (Peskov's denial is disputed by the media report it denies, not by an
 * article.) Without a conflicting party on record: "it is disputed, …".
 */
function disputedBy(ix: CorpusIndex, fact: Fact): string {
  const own = new Set(fact.attribution?.by ?? []);
  const rivals = [...new Set(fact.conflictsWith.flatMap((id) => ix.factById.get(id)?.attribution?.by ?? []))].filter((id) => !own.has(id));
  if (!rivals.length) return "it is disputed, not an established fact.";
  const names = joinNames(rivals.map((id) => entityName(ix, id)));
  return `${names} ${rivals.length > 1 || /s$/.test(names) ? "give" : "gives"} a different account, so it is not an established fact.`;
}

/** "the Kremlin's", but "Armenian media outlets'" (never "outlets's"). */
function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}

/** "the Kremlin's account", but "the account of the Russian peacekeeping contingent in Nagorno-Karabakh" (a name with a phrase in it takes "of"). */
function accountOf(name: string): string {
  return /\s(?:in|of|for|at)\s/.test(name) ? `the account of ${name}` : `${possessive(name)} account`;
}
