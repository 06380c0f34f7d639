import type { Fact, Role } from "@/lib/content/schema";
import { normaliseText } from "@/lib/content/normalise";
import { formatWhen } from "@/lib/content/when";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import { type BuildContext, rngFor } from "./build-context";
import type { Rng } from "./seeded-rng";
import { factLink, sentenceCase } from "./corpus-index";
import { slotCitation, publicCitation } from "./evidence";
import { whenRange } from "./date-interval";
import { explainFacts } from "./explanation";
import type { MatchPair, Question } from "./question";
import { stableId } from "./stable-id";
import { byDate, separableFacts } from "./question-timeline";
import { giveawayLinks } from "./giveaway-links";
import { dateStatedPlainly } from "./fact-slots";
import { labelDatesItself } from "./label-dates-itself";

/** A seeded shuffle that, where it can, does not leave the column in answer order. */
function derange(rng: Rng, items: string[]): string[] {
  let out = rng.shuffle(items);
  for (let i = 0; i < 5 && out.join("\u0000") === items.join("\u0000"); i++) out = rng.shuffle(items);
  return out.join("\u0000") === items.join("\u0000") ? items.slice().reverse() : out;
}

function pairsText(pairs: MatchPair[]): string {
  return pairs.map((p) => `${p.left} = ${p.right}`).join("; ");
}

/**
 * Dates ↔ events: 3–5 uncontested facts whose dates cannot be confused (no
 * overlapping ranges, so each date fits exactly one event) and whose dates
 * may be shown beside their bare labels (`dateStatedPlainly`).
 */
function dateEventQuestions(ctx: BuildContext): Question[] {
  const pool = ctx.facts.filter((f) => f.when && !f.contested && dateStatedPlainly(ctx.ix, f) && !labelDatesItself(f.label));
  if (pool.length < 3) return [];
  const rng = rngFor(ctx, "matching", "dates");
  const out = new Map<string, Question>();
  const sets = Math.max(1, Math.floor(pool.length / 5));
  for (let s = 0; s < sets; s++) {
    const chosen = separableFacts(rng.shuffle(pool), 3 + rng.int(3), giveawayLinks(ctx.ix));
    if (chosen.length < 3) continue;
    const sorted = chosen.slice().sort(byDate);
    const dates = sorted.map((f) => (f.when ? formatWhen(f.when) : ""));
    if (new Set(dates.map(normalizeAnswer)).size !== dates.length) continue;
    const id = stableId("q", ["matching", "date-event", ...sorted.map((f) => f.id).sort()]);
    const left = rng.shuffle(sorted.map((f) => sentenceCase(f.label)));
    const byLabel = new Map(sorted.map((f, i) => [sentenceCase(f.label), dates[i] ?? ""]));
    const answer = left.map((l) => ({ left: l, right: byLabel.get(l) ?? "" }));
    out.set(id, {
      id,
      type: "matching",
      prompt: "Match each event to its date.",
      left,
      right: derange(rng, dates),
      answer,
      factIds: sorted.map((f) => f.id),
      sources: sorted.map((f) => publicCitation(slotCitation(ctx.ix, f, "when"))),
      explanation: explainFacts(ctx.ix, sorted, pairsText(answer), (f) => `${sentenceCase(f.label)} — ${f.when ? formatWhen(f.when) : ""}`),
      about: "date-event",
    });
  }
  return [...out.values()];
}

/** A person's role as one article gives it, and the fact whose quote contains those words. */
type RoleCitation = { id: string; name: string; title: string; fact: Fact; quoteIndex: number; quote: string; slug: string };

/** Whether a role attested from `from` to `to` covers the whole of the fact's date. */
function roleCovers(role: Role, fact: Fact): boolean {
  if (!fact.when) return false;
  const [lo, hi] = whenRange(fact.when);
  const day = (v: string, end: boolean): number => {
    const [y, m, d] = v.split("-").map(Number) as [number, number | undefined, number | undefined];
    return y * 10000 + (m ?? (end ? 12 : 1)) * 100 + (d ?? (end ? 31 : 1));
  };
  return (!role.from || day(role.from, false) <= lo) && (!role.to || hi <= day(role.to, true));
}

/**
 * Every role of a person that can be asked: it carries its own verbatim
 * quote, and an uncontested, dated fact quotes those words in the same
 * article on a date the role covers (Pashinyan is Acting Prime Minister in
 * the July 2021 report, Prime Minister in the 2020 and 2023 ones). The fact
 * gives the link; the role's quote is the citation.
 */
function roleCitations(ctx: BuildContext, personId: string): RoleCitation[] {
  const e = ctx.ix.entityById.get(personId);
  if (!e) return [];
  const out: RoleCitation[] = [];
  for (const role of e.roles) {
    if (!role.source || !role.quote) continue;
    const want = normaliseText(role.quote);
    // Prefer a fact the person takes part in; any fact quoting the words will do.
    const facts = [...ctx.facts.filter((f) => f.who.includes(personId)), ...ctx.facts.filter((f) => !f.who.includes(personId))];
    for (const fact of facts) {
      if (fact.contested || !roleCovers(role, fact)) continue;
      const qi = fact.sources.findIndex((r) => r.source === role.source && normaliseText(r.quote).includes(want));
      if (qi < 0) continue;
      out.push({ id: e.id, name: e.name, title: role.title, fact, quoteIndex: qi, quote: role.quote, slug: role.source });
      break;
    }
  }
  return out;
}

/**
 * People ↔ roles: 3–5 people, each with a role the articles state in so many
 * words, held on the date of the fact cited for it (`roleCitations`; the
 * seed picks among a person's roles). Titles must differ after normalisation
 * and no chosen person may also hold another's chosen title, so each pairing
 * is unique.
 */
function personRoleQuestions(ctx: BuildContext): Question[] {
  const rng = rngFor(ctx, "matching", "roles");
  const people: RoleCitation[] = [];
  for (const e of ctx.ix.corpus.entities.slice().sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (e.type !== "person") continue;
    const options = roleCitations(ctx, e.id);
    const pick = options.length > 1 ? options[rng.int(options.length)] : options[0];
    if (pick) people.push(pick);
  }
  if (people.length < 3) return [];
  const chosen: RoleCitation[] = [];
  const size = 3 + rng.int(3);
  for (const p of rng.shuffle(people)) {
    const titles = (id: string): string[] => (ctx.ix.entityById.get(id)?.roles ?? []).map((r) => normalizeAnswer(r.title));
    const clash = chosen.some((c) => titles(p.id).includes(normalizeAnswer(c.title)) || titles(c.id).includes(normalizeAnswer(p.title)));
    if (!clash) chosen.push(p);
    if (chosen.length === size) break;
  }
  if (chosen.length < 3) return [];
  const left = chosen.map((c) => c.name);
  const answer = chosen.map((c) => ({ left: c.name, right: c.title }));
  const lines = chosen.map((c) => {
    const outlet = ctx.ix.sourceBySlug.get(c.slug)?.outlet ?? c.slug;
    return `${c.name} — ${c.title}: “${c.quote}” — ${outlet}. Source: ${factLink(c.fact, c.quoteIndex)}`;
  });
  return [
    {
      id: stableId("q", ["matching", "person-role", ...chosen.map((c) => c.id).sort()]),
      type: "matching",
      prompt: "Match each person to the role the articles give them.",
      left,
      right: derange(rng, chosen.map((c) => c.title)),
      answer,
      factIds: [...new Set(chosen.map((c) => c.fact.id))],
      sources: chosen.map((c) => ({ slug: c.slug, quote: c.quote, outlet: ctx.ix.sourceBySlug.get(c.slug)?.outlet ?? c.slug })),
      explanation: [`Answer: ${pairsText(answer)}.`, ...lines].join("\n"),
      about: "person-role",
    },
  ];
}

/** Matching questions: dates ↔ events and people ↔ roles. */
export function matchingQuestions(ctx: BuildContext): Question[] {
  return [...dateEventQuestions(ctx), ...personRoleQuestions(ctx)];
}
