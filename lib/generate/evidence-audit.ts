import type { Fact } from "@/lib/content/schema";
import { normaliseText } from "@/lib/content/normalise";
import type { Card } from "./card";
import { printedDateForms } from "./cloze";
import { type CorpusIndex, textMentions, wordPattern } from "./corpus-index";
import type { Citation, Question } from "./question";

/**
 * The fact-checker's test of an item's evidence: is the sentence shown with a
 * question or card verbatim in the article it names, and does it (or the step
 * it declares) state the item's answer? Used by the property test and by
 * `scripts/evidence-audit.ts`, which counts the items that fail.
 */

/** The text that must state the answer: the quote, and the step said in words when there is one. */
function evidenceText(c: Citation): string {
  return normaliseText(c.step ? `${c.quote} ${c.step}` : c.quote);
}

/** Whether `text` prints the fact's date in a form that carries its year ("19 September 2023", "September 19, 2023", "1994"). */
export function textStatesDate(text: string, fact: Fact): boolean {
  const when = fact.when;
  if (!when) return false;
  const forms = printedDateForms(when).filter((f) => /\d{4}/.test(f));
  return forms.some((f) => wordPattern(f).test(text));
}

/** Whether `text` names the value: an entity form, a printed figure or an accepted answer, as whole words. */
function textStatesValue(ix: CorpusIndex, text: string, values: readonly string[], entityIds: readonly string[]): boolean {
  if (entityIds.some((id) => textMentions(ix, text, id))) return true;
  return values.some((v) => v.trim().length >= 2 && wordPattern(normaliseText(v)).test(normaliseText(text)));
}

/** Why a citation is not in its article verbatim, or null when it is. */
export function citationProblem(ix: CorpusIndex, c: Citation): string | null {
  const src = ix.sourceBySlug.get(c.slug);
  if (!src) return `unknown source ${c.slug}`;
  if (!normaliseText(src.body).includes(normaliseText(c.quote))) return `quote not verbatim in ${c.slug}: "${c.quote}"`;
  if (c.outlet !== undefined && c.outlet !== src.outlet) return `outlet ${c.outlet} shown for a ${src.outlet} article`;
  return null;
}

/** Entities whose name answers a question about `field` of `fact` with answer text `answer`. */
function entitiesAnswering(ix: CorpusIndex, fact: Fact, field: "who" | "where" | "claim", answer: string): string[] {
  const pool = field === "where" ? fact.where : field === "who" ? fact.who : (fact.attribution?.by ?? []);
  const hit = pool.filter((id) => textMentions(ix, answer, id));
  return hit.length ? hit : [];
}

/**
 * Why a question's evidence does not state its answer, or null when it does.
 * Single-fact questions: the first citation must state the answer (for a
 * true/false question, the true value: the date, the place, or every person
 * the true statement names). Timeline and date matching: each fact's
 * citation must state its date.
 */
export function questionEvidenceProblem(ix: CorpusIndex, q: Question): string | null {
  for (const c of q.sources) {
    const p = citationProblem(ix, c);
    if (p) return p;
  }
  if (q.type === "timeline" || (q.type === "matching" && q.about === "date-event")) {
    for (const [i, id] of q.factIds.entries()) {
      const f = ix.factById.get(id);
      const c = q.sources[i];
      if (!f || !c) return `no citation for ${id}`;
      if (!textStatesDate(evidenceText(c), f)) return `${id}: "${c.quote}" does not state its date`;
    }
    return null;
  }
  if (q.type === "matching") return null;
  const f = ix.factById.get(q.factIds[0] ?? "");
  const c = q.sources[0];
  if (!f || !c) return "no fact or citation";
  const text = evidenceText(c);
  if (q.type === "cloze") return normaliseText(text).toLowerCase().includes(normaliseText(String(q.answer)).toLowerCase()) ? null : "cloze answer not in its quote";
  if (q.about === "when") return textStatesDate(text, f) ? null : `"${c.quote}" does not state the date`;
  if (q.about === "number") {
    const n = f.numbers.find((x) => x.text === q.answer) ?? (q.type === "true-false" ? f.numbers[0] : undefined);
    return n && normaliseText(text).includes(normaliseText(n.text)) ? null : `"${c.quote}" does not state the figure`;
  }
  if (q.type === "true-false") {
    const ids = q.about === "where" ? f.where.slice(0, 1) : f.who;
    const missing = ids.filter((id) => !textMentions(ix, text, id));
    return missing.length === 0 ? null : `"${c.quote}" does not name ${missing.join(", ")}`;
  }
  const field = q.about === "claim" ? "claim" : q.about === "where" ? "where" : "who";
  const ids = entitiesAnswering(ix, f, field, String(q.answer));
  return textStatesValue(ix, text, [String(q.answer)], ids) ? null : `"${c.quote}" does not name ${String(q.answer)}`;
}

/**
 * Why a card's evidence does not state its answer, or null when it does:
 * a question card's back (an entity's forms, a figure, a date with its
 * year), a reverse card's date (its front), a cloze card's blank.
 */
export function cardEvidenceProblem(ix: CorpusIndex, card: Card): string | null {
  const p = citationProblem(ix, card.source);
  if (p) return p;
  const f = ix.factById.get(card.factId);
  if (!f) return "unknown fact";
  const text = evidenceText(card.source);
  const [, kind, field, entity] = card.id.split(":");
  if (kind === "cloze") return normaliseText(text).toLowerCase().includes(normaliseText(card.back).toLowerCase()) ? null : "cloze answer not in its quote";
  if (kind === "reverse" || field === "when") return textStatesDate(text, f) ? null : `"${card.source.quote}" does not state the date`;
  if (field === "number") return normaliseText(text).includes(normaliseText(card.back)) ? null : `"${card.source.quote}" does not state the figure`;
  if (field === "claim") {
    const by = f.attribution?.by[0];
    return by && textMentions(ix, text, by) ? null : `"${card.source.quote}" does not name the party`;
  }
  const id = entity ?? "";
  return textMentions(ix, text, id) || textStatesValue(ix, text, [card.back], []) ? null : `"${card.source.quote}" does not name ${card.back}`;
}

/** The outlet of the article a card quotes (what "Read it in …" must say). */
export function cardOutlet(ix: CorpusIndex, card: Card): string {
  return ix.sourceBySlug.get(card.source.slug)?.outlet ?? card.source.slug;
}
