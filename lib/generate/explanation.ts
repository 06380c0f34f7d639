import type { Fact } from "@/lib/content/schema";
import { type CorpusIndex, citationOf, claimParty, factLink, isClaim } from "./corpus-index";

/**
 * The text shown after answering: the correct answer, the quote it rests on
 * with its outlet and headline, and the link `/sources/<slug>#<fact-id>`.
 * A claim says whose account it is, and that it is disputed when contested.
 */
export function explainFact(ix: CorpusIndex, fact: Fact, answerText: string, quoteIndex = 0): string {
  const c = citationOf(fact, quoteIndex);
  const src = ix.sourceBySlug.get(c.slug);
  const parts = [answerSentence(answerText)];
  if (isClaim(fact)) {
    const party = claimParty(ix, fact);
    // "RT's account as reported by RT" says nothing the first half does not.
    const reported = src && src.outlet.toLowerCase() !== party.toLowerCase() ? ` as reported by ${src.outlet}` : "";
    parts.push(
      fact.contested
        ? `This is ${possessive(party)} account${reported}; it is disputed, not an established fact.`
        : `This is ${possessive(party)} account${reported}.`,
    );
  }
  parts.push(`“${c.quote}” — ${src ? `${src.outlet}, “${src.headline}”` : c.slug}.`);
  parts.push(`Source: ${factLink(fact, quoteIndex)}`);
  return parts.join(" ");
}

/** For questions over several facts: the answer, then one cited line per fact. */
export function explainFacts(ix: CorpusIndex, facts: Fact[], answerText: string, lineFor: (f: Fact) => string): string {
  const lines = facts.map((f) => {
    const c = citationOf(f);
    const src = ix.sourceBySlug.get(c.slug);
    return `${lineFor(f)}: “${c.quote}” — ${src?.outlet ?? c.slug}. Source: ${factLink(f)}`;
  });
  return [answerSentence(answerText), ...lines].join("\n");
}

/** "Answer: X." — without a second full stop when X is a sentence ("False. The date … is 1997."). */
function answerSentence(answerText: string): string {
  return /[.?!]$/.test(answerText) ? `Answer: ${answerText}` : `Answer: ${answerText}.`;
}

/** "the Kremlin's", but "Armenian media outlets'" (never "outlets's"). */
function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}
