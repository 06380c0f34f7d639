import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Corpus, Entity, Fact } from "@/lib/content/schema";
import { normaliseText } from "@/lib/content/normalise";
import { cardJson, generateCards } from "@/lib/generate/cards";
import { corpusIndexOf } from "@/lib/generate/corpus-cache";
import { generate } from "@/lib/generate/generate";
import type { Citation, Question } from "@/lib/generate/question";
import { contentCorpus } from "./corpora";

/**
 * The evidence every item shows, checked the way a fact-checker would, with
 * an oracle of its own (not the generator's helpers): the sentence is
 * verbatim in the article it names, the outlet shown is that article's, and
 * the sentence — or the step it declares, said in words — states the item's
 * answer in one of its forms.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const corpus: Corpus = contentCorpus();
const sourceBySlug = new Map(corpus.sources.map((s) => [s.slug, s]));
const factById = new Map(corpus.facts.map((f) => [f.id, f]));
const entityById = new Map(corpus.entities.map((e) => [e.id, e]));

const norm = (s: string): string => normaliseText(s).toLowerCase();
const says = (text: string, phrase: string): boolean => {
  const p = norm(phrase).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return p.length >= 2 && new RegExp(`(?<![\\p{L}\\p{N}])${p}(?![\\p{L}\\p{N}])`, "u").test(norm(text));
};

/** The date as articles print it, always with its year. */
function dateForms(f: Fact): string[] {
  const w = f.when;
  if (!w) return [];
  const y = w.date.slice(0, 4);
  const m = MONTHS[Number(w.date.slice(5, 7)) - 1];
  if (w.precision === "day") {
    const d = String(Number(w.date.slice(8, 10)));
    return [`${m} ${d}, ${y}`, `${d} ${m} ${y}`];
  }
  if (w.precision === "month") return [`${m} ${y}`];
  if (w.precision === "year") return [y];
  return [w.part ? `${w.part} ${w.date}` : w.date];
}

function forms(e: Entity): string[] {
  const last = e.name.split(" ").at(-1) ?? "";
  return [e.name, ...e.aliases, ...(e.type === "person" && last.length >= 4 ? [last] : [])];
}

/** The entity among `ids` a printed answer ("the Azerbaijani government") names. */
function entityOf(answer: string, ids: readonly string[]): Entity | undefined {
  const a = norm(answer).replace(/^the /, "");
  return ids.map((id) => entityById.get(id)).find((e) => e && forms(e).some((x) => norm(x).replace(/^the /, "") === a));
}

const evidenceText = (c: { quote: string; step?: string }): string => (c.step ? `${c.quote} ${c.step}` : c.quote);

function checkCitation(c: Citation, ctx: string): void {
  const src = sourceBySlug.get(c.slug);
  expect(src, `${ctx}: unknown article ${c.slug}`).toBeDefined();
  expect(normaliseText(src?.body ?? ""), `${ctx}: not verbatim in ${c.slug}`).toContain(normaliseText(c.quote));
  expect(c.outlet, `${ctx}: outlet`).toBe(src?.outlet);
  // A step starting from words of the sentence quotes them exactly.
  const words = c.step ? /^“([^”]+)” — /.exec(c.step)?.[1] : undefined;
  if (words) expect(normaliseText(c.quote), `${ctx}: step words`).toContain(normaliseText(words));
}

/** The forms, any one of which the evidence of a single-fact question must state. */
function answerFormsOf(q: Question, f: Fact): string[][] {
  if (q.about === "when") return [dateForms(f)];
  if (q.about === "number") {
    const n = f.numbers.find((x) => x.text === q.answer) ?? f.numbers[0];
    return [n ? [n.text] : []];
  }
  if (q.type === "true-false") {
    // The true statement names the place, or every participant: the evidence must name each.
    const ids = q.about === "where" ? f.where.slice(0, 1) : f.who;
    return ids.map((id) => forms(entityById.get(id) as Entity));
  }
  const pool = q.about === "claim" ? (f.attribution?.by ?? []) : q.about === "where" ? f.where : f.who;
  // "Whose peacekeepers …?" is keyed "Russia's": the evidence names the organisation itself ("Russian peacekeepers").
  const e = entityOf(String(q.answer), pool) ?? (/^Whose\b/.test(q.prompt) && pool.length === 1 ? entityById.get(pool[0] ?? "") : undefined);
  return [e ? forms(e) : [String(q.answer)]];
}

function checkQuestion(q: Question, ctx: string): void {
  for (const c of q.sources) checkCitation(c, ctx);
  const first = q.sources[0];
  expect(first, ctx).toBeDefined();
  if (!first) return;
  if (q.type === "timeline" || (q.type === "matching" && q.about === "date-event")) {
    q.factIds.forEach((id, i) => {
      const c = q.sources[i];
      const f = factById.get(id);
      expect(c && f && dateForms(f).some((d) => says(evidenceText(c), d)), `${ctx}: ${id}'s date not in “${c?.quote}”`).toBe(true);
    });
    return;
  }
  if (q.type === "matching") return; // people ↔ roles: each line cites the role's own words (checked by the content check)
  const f = factById.get(q.factIds[0] ?? "") as Fact;
  const text = evidenceText(first);
  if (q.type === "cloze") {
    expect(norm(first.quote), ctx).toContain(norm(String(q.answer)));
    return;
  }
  for (const alternatives of answerFormsOf(q, f)) {
    expect(alternatives.some((a) => says(text, a)), `${ctx}: “${first.quote}”${first.step ? ` + ${first.step}` : ""} does not state ${alternatives[0]}`).toBe(true);
  }
  // The explanation quotes that same sentence, names its outlet, and says the step.
  expect(q.explanation, ctx).toContain(`“${first.quote}” — ${first.outlet}`);
  if (first.step) expect(q.explanation, ctx).toContain(first.step);
}

describe("evidence per answer (real corpus)", () => {
  it("every question of the bank, for many seeds, cites a verbatim sentence of the named outlet that states its answer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        for (const q of generate(corpus, { seed }).questions) checkQuestion(q, `seed ${seed} ${q.type} ${q.factIds.join(",")} “${q.prompt}”`);
      }),
      { numRuns: 8, seed: 10 },
    );
  });

  it("every card cites a verbatim sentence of the outlet it names that states its back", () => {
    const ix = corpusIndexOf(corpus);
    const cards = generateCards(corpus);
    expect(cards.length).toBeGreaterThan(100);
    for (const card of cards) {
      const j = cardJson(ix, card);
      const ctx = `${card.id}`;
      checkCitation({ slug: j.sourceSlug, quote: j.quote, outlet: j.outlet, ...(j.step ? { step: j.step } : {}) }, ctx);
      expect(j.link, ctx).toBe(`/sources/${j.sourceSlug}#${j.factId}`);
      const f = factById.get(card.factId) as Fact;
      const text = evidenceText(j);
      const [, kind, field, entity] = card.id.split(":");
      if (kind === "cloze") expect(norm(j.quote), ctx).toContain(norm(j.back));
      else if (kind === "reverse" || field === "when") expect(dateForms(f).some((d) => says(text, d)), `${ctx}: “${j.quote}” does not state the date`).toBe(true);
      else if (field === "number") expect(norm(text), ctx).toContain(norm(j.back));
      else {
        const id = field === "claim" ? f.attribution?.by[0] : entity;
        const e = entityById.get(id ?? "") as Entity;
        expect(forms(e).some((x) => says(text, x)), `${ctx}: “${j.quote}” does not name ${e.name}`).toBe(true);
      }
    }
  });
});
