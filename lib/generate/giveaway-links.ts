import { formatWhen } from "@/lib/content/when";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import { printedDateForms } from "./cloze";
import type { CorpusIndex } from "./corpus-index";
import { factSlots } from "./fact-slots";
import { accordingToWhomPrompt } from "./question-according-to-whom";

/** Fact id → the facts it must not share a quiz with (see `giveawayLinks`). */
export type GiveawayLinks = Map<string, Set<string>>;

/** What a fact's questions show: its label, every stem, and its according-to-whom prompt. */
function shownText(ix: CorpusIndex, factId: string): string {
  const fact = ix.factById.get(factId);
  if (!fact) return "";
  const parts = [fact.label, ...factSlots(ix, fact).flatMap((s) => [s.stem, s.mcStem])];
  const claim = accordingToWhomPrompt(ix, fact);
  if (claim) parts.push(claim);
  return ` ${normalizeAnswer(parts.join(" | "))} `;
}

/**
 * What a fact's questions ask for, in every printed form: its label, a
 * day-precision date (a month or a year is shared by too many events to point
 * at one), its people, places and figures, and its attributing parties.
 */
function askedForms(ix: CorpusIndex, factId: string): string[] {
  const fact = ix.factById.get(factId);
  if (!fact) return [];
  const out: string[] = [fact.label];
  for (const s of factSlots(ix, fact)) {
    if (s.field === "when") {
      if (s.when.precision === "day") out.push(formatWhen(s.when), ...printedDateForms(s.when).filter((f) => /\d/.test(f)));
    } else if (s.field === "number") out.push(...s.accepted);
    else for (const id of s.trueIds) out.push(...(ix.forms.get(id) ?? []));
  }
  for (const b of fact.attribution?.by ?? []) out.push(...(ix.forms.get(b) ?? []));
  return [...new Set(out.map(normalizeAnswer))].filter((f) => f.length >= 4);
}

/**
 * A value asked for by at most this many facts points at them; "Putin" or
 * "Nagorno-Karabakh", asked for by a dozen, points at none (and a prompt
 * printing them is caught question by question by `givesAway`).
 */
const IDENTIFYING = 3;

/**
 * Pairs of facts whose questions refer to each other, so that one can give
 * the other's answer away by inference rather than by printing it: "With
 * which leader did Putin speak by phone on 1 November 2020, one day before
 * his call with Aliyev?" tells the date of the Aliyev call. Rule: A and B are
 * linked when what A's questions show (label, stems, according-to-whom
 * prompt) names an identifying value B's questions ask for (its label, a
 * day-precision date, its people, places, figures or parties — one asked for
 * by at most `IDENTIFYING` facts), or the other way round. A fact and its
 * links are its giveaway group: `assembleQuiz` takes at most one question
 * from a group, and timeline and matching sets never hold two linked facts.
 * Built once per corpus.
 */
export function giveawayLinks(ix: CorpusIndex): GiveawayLinks {
  const hit = ix.memo.get("giveaway-links") as GiveawayLinks | undefined;
  if (hit) return hit;
  const shown = new Map(ix.facts.map((f) => [f.id, shownText(ix, f.id)]));
  const allAsked = new Map(ix.facts.map((f) => [f.id, askedForms(ix, f.id)]));
  const answeredBy = new Map<string, number>();
  for (const forms of allAsked.values()) for (const form of forms) answeredBy.set(form, (answeredBy.get(form) ?? 0) + 1);
  const asked = new Map([...allAsked].map(([id, forms]) => [id, forms.filter((f) => (answeredBy.get(f) ?? 0) <= IDENTIFYING)]));
  const refers = (a: string, b: string): boolean => {
    const text = shown.get(a) ?? "";
    return (asked.get(b) ?? []).some((form) => text.includes(` ${form} `));
  };
  const links: GiveawayLinks = new Map(ix.facts.map((f) => [f.id, new Set<string>()]));
  for (let i = 0; i < ix.facts.length; i++) {
    for (let j = i + 1; j < ix.facts.length; j++) {
      const a = ix.facts[i]?.id ?? "";
      const b = ix.facts[j]?.id ?? "";
      if (refers(a, b) || refers(b, a)) {
        links.get(a)?.add(b);
        links.get(b)?.add(a);
      }
    }
  }
  ix.memo.set("giveaway-links", links);
  return links;
}
