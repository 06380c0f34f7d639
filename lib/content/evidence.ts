import type { Entity, EvidenceStep, Fact, SlotEvidence, Source } from "./schema";
import { formatWhen, MONTH_NAMES, whenProblem } from "./when";
import { normaliseText } from "./normalise";
import { sentenceAround } from "./sentence-around";

/**
 * Evidence per slot: which of a fact's quotes states its date, each of its
 * people and places, each figure and the party of a claim, and — where the
 * sentence needs a step (a dateline, a weekday, "the region") — the step in
 * words. Slot keys are those of the generator: `when`, `who:<entity>`,
 * `where:<entity>`, `number:<i>`, and `by` (also `claim`) for the party.
 */

/** Every slot of a fact a question or card could ask about. */
export function factSlotKeys(fact: Fact): string[] {
  return [
    ...(fact.when ? ["when"] : []),
    ...fact.who.map((id) => `who:${id}`),
    ...fact.where.map((id) => `where:${id}`),
    ...fact.numbers.map((_, i) => `number:${i}`),
    ...(fact.attribution ? ["by"] : []),
  ];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether `text` contains `phrase` as whole words, case-insensitively, after quote normalisation. */
export function printsWords(text: string, phrase: string): boolean {
  const p = normaliseText(phrase);
  if (p.length < 2) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(p)}(?![\\p{L}\\p{N}])`, "iu").test(normaliseText(text));
}

/** The forms in which a text may name an entity: its name, its aliases and, for a person, a surname of 4+ letters. */
export function entityForms(e: Pick<Entity, "type" | "name" | "aliases">): string[] {
  const last = e.name.split(/\s+/).at(-1) ?? "";
  return [e.name, ...e.aliases, ...(e.type === "person" && last !== e.name && last.length >= 4 ? [last] : [])];
}

/** The ways an article prints a date with its year: "September 19, 2023", "19 September 2023", "September 2023", "1994", "late 1980s". */
export function datePrintedForms(when: NonNullable<Fact["when"]>): string[] {
  const y = when.date.slice(0, 4);
  const month = MONTH_NAMES[Number(when.date.slice(5, 7)) - 1] ?? "";
  switch (when.precision) {
    case "day": {
      const d = String(Number(when.date.slice(8, 10)));
      return [`${month} ${d}, ${y}`, `${month} ${d} ${y}`, `${d} ${month} ${y}`];
    }
    case "month":
      return [`${month} ${y}`, `${month}, ${y}`];
    case "year":
      return [y];
    case "decade":
      return when.part ? [`${when.part} ${when.date}`, `${when.part}-${when.date}`] : [when.date];
  }
}

/** The entity a slot key asks for, or undefined for `when`, `number:<i>`. */
function slotEntity(fact: Fact, key: string): string | undefined {
  if (key === "by" || key === "claim") return fact.attribution?.by[0];
  const m = /^(who|where):(.+)$/.exec(key);
  return m?.[2];
}

/** Whether `text` states the slot's value: the date with its year, the entity in one of its forms, the figure as printed. */
export function textStatesSlot(text: string, fact: Fact, key: string, entityById: ReadonlyMap<string, Entity>): boolean {
  if (key === "when") return fact.when !== undefined && datePrintedForms(fact.when).some((f) => printsWords(text, f));
  const num = /^number:(\d+)$/.exec(key);
  if (num) {
    const n = fact.numbers[Number(num[1])];
    return n !== undefined && normaliseText(text).includes(normaliseText(n.text));
  }
  const id = slotEntity(fact, key);
  const e = id ? entityById.get(id) : undefined;
  return e !== undefined && entityForms(e).some((f) => printsWords(text, f));
}

/** The declared evidence of a slot in `fact.evidence`, if any. */
function declared(fact: Fact, key: string): SlotEvidence | undefined {
  const ev = fact.evidence;
  if (!ev) return undefined;
  if (key === "when") return ev.when;
  if (key === "by" || key === "claim") return ev.by;
  const num = /^number:(\d+)$/.exec(key);
  if (num) return ev.numbers?.[Number(num[1])];
  const m = /^(who|where):(.+)$/.exec(key);
  if (!m) return undefined;
  return (m[1] === "who" ? ev.who : ev.where)?.[m[2] ?? ""];
}

/** The step a slot's declared evidence gives, if any (no entity lookup needed: only declared evidence has steps). */
export function declaredStep(fact: Fact, key: string): EvidenceStep | undefined {
  const d = declared(fact, key);
  return d === undefined || typeof d === "number" ? undefined : d.step;
}

/** A slot's evidence resolved: the quote's index in `fact.sources`, its step, and whether `facts.yaml` declares it. */
export type ResolvedEvidence = { index: number; step?: EvidenceStep; declared: boolean };

/** The article bodies by slug, to read each quote in its whole sentence. */
export type Bodies = ReadonlyMap<string, Pick<Source, "body">>;

/** The whole sentence of its article around a fact's quote (the quote itself when the article is unknown). */
export function evidenceSentence(fact: Fact, index: number, bodies?: Bodies): string {
  const ref = fact.sources[index];
  if (!ref) return "";
  const body = bodies?.get(ref.source)?.body;
  return (body !== undefined && sentenceAround(body, ref.quote)) || ref.quote;
}

/**
 * The evidence of one slot: the quote `facts.yaml` declares for it, or else
 * the first of the fact's quotes whose sentence (in `bodies`; the quote
 * alone without them) states it, or else (a corpus content:check would
 * reject) the first quote.
 */
export function slotEvidence(fact: Fact, key: string, entityById: ReadonlyMap<string, Entity>, bodies?: Bodies): ResolvedEvidence {
  const d = declared(fact, key);
  if (d !== undefined) {
    const index = typeof d === "number" ? d : d.quote;
    const step = typeof d === "number" ? undefined : d.step;
    return { index: index < fact.sources.length ? index : 0, ...(step ? { step } : {}), declared: true };
  }
  // Of the sentences that state the slot, the one that also says most of what
  // the question asks: "Which side said there were no Armenian forces …?"
  // cites "Yerevan … said there were no Armenian forces in Karabakh", not
  // "Yerevan denied the allegations" (both name Yerevan).
  const asked = contentWords(askedText(fact, key));
  let best = -1;
  let bestScore = -1;
  fact.sources.forEach((_, i) => {
    const sentence = evidenceSentence(fact, i, bodies);
    if (!textStatesSlot(sentence, fact, key, entityById)) return;
    const words = contentWords(sentence);
    let score = 0;
    for (const w of asked) if (words.has(w)) score++;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return { index: Math.max(0, best), declared: false };
}

/** What a question about the slot asks: the fact's own stem for it, else its statement. */
function askedText(fact: Fact, key: string): string {
  const kind = key === "claim" ? "by" : (key.split(":")[0] as "when" | "who" | "where" | "number" | "by");
  // The according-to-whom stem is `ask.by`, or else `ask.who` (see the schema).
  return fact.ask?.[kind] ?? (kind === "by" ? fact.ask?.who : undefined) ?? fact.statement;
}

const MINOR_WORDS = new Set(["about", "after", "again", "also", "and", "been", "before", "between", "could", "from", "have", "into", "said", "says", "that", "their", "there", "they", "this", "were", "what", "when", "where", "which", "while", "whom", "with", "would"]);

/** The words of four letters or more that carry meaning, lower-cased. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of normaliseText(text).toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 4 && !MINOR_WORDS.has(w)) out.add(w);
  return out;
}

/** A step as the student reads it: "“on Monday” — Monday was 2 November 2020". */
export function formatStep(step: EvidenceStep): string {
  return step.words ? `“${step.words}” — ${step.means}` : step.means;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/**
 * Every problem with a fact's evidence: a declared slot the fact does not
 * have or a quote index out of range; and for every slot, evidence whose
 * sentence (the whole sentence of the article around the quote) does not
 * state the value unless it declares a step whose words are
 * in the quote and whose wording names the value (a weekday step's weekday
 * must be the date's; a dateline step must give the article's date).
 */
export function evidenceProblems(
  fact: Fact,
  entityById: ReadonlyMap<string, Entity>,
  sourceBySlug: ReadonlyMap<string, Pick<Source, "published" | "body">>,
): string[] {
  const out: string[] = [];
  const ev = fact.evidence;
  if (ev) {
    if (ev.when !== undefined && !fact.when) out.push("evidence.when: the fact has no date");
    if (ev.by !== undefined && !fact.attribution) out.push("evidence.by: the fact has no attribution");
    for (const id of Object.keys(ev.who ?? {})) if (!fact.who.includes(id)) out.push(`evidence.who.${id}: not in who`);
    for (const id of Object.keys(ev.where ?? {})) if (!fact.where.includes(id)) out.push(`evidence.where.${id}: not in where`);
    if ((ev.numbers?.length ?? 0) > fact.numbers.length) out.push("evidence.numbers: more entries than numbers");
  }
  for (const key of factSlotKeys(fact)) {
    // A malformed date or an unknown entity is reported on its own; its evidence cannot be judged.
    if (key === "when" && fact.when && whenProblem(fact.when)) continue;
    const entity = slotEntity(fact, key);
    if (entity !== undefined && !entityById.has(entity)) continue;
    const field = `evidence.${key.replace(":", ".")}`;
    const d = declared(fact, key);
    const index = d === undefined ? -1 : typeof d === "number" ? d : d.quote;
    if (d !== undefined && index >= fact.sources.length) {
      out.push(`${field}: quote ${index} does not exist (the fact has ${fact.sources.length})`);
      continue;
    }
    const r = slotEvidence(fact, key, entityById, sourceBySlug);
    const ref = fact.sources[r.index];
    if (!ref) continue;
    const value = valueText(fact, key, entityById);
    const sentence = evidenceSentence(fact, r.index, sourceBySlug);
    if (!r.step) {
      if (!textStatesSlot(sentence, fact, key, entityById)) {
        out.push(
          r.declared
            ? `${field}: the sentence of quote ${r.index} ("${sentence}") does not state ${value}; declare a step`
            : `${field}: no quote states ${value}; add the sentence that does, or declare evidence with a step`,
        );
      }
      continue;
    }
    const step = r.step;
    if (step.words !== undefined && !normaliseText(sentence).includes(normaliseText(step.words))) {
      out.push(`${field}: step words "${step.words}" are not in quote ${r.index}`);
    }
    if (!textStatesSlot(step.means, fact, key, entityById)) out.push(`${field}: the step ("${step.means}") does not name ${value}`);
    if (step.kind === "weekday" && fact.when?.precision === "day" && key === "when") {
      const [y, m, dd] = fact.when.date.split("-").map(Number) as [number, number, number];
      const day = WEEKDAYS[new Date(Date.UTC(y, m - 1, dd)).getUTCDay()] ?? "";
      if (!(step.words ?? "").includes(day)) out.push(`${field}: ${formatWhen(fact.when)} was a ${day}, not "${step.words ?? ""}"`);
    }
    if (step.kind === "dateline") {
      const published = sourceBySlug.get(ref.source)?.published;
      if (published && !step.means.includes(formatWhen(published))) {
        out.push(`${field}: a dateline step must give the article's date (${formatWhen(published)})`);
      }
    }
  }
  return out;
}

/** The slot's value in words, for messages. */
function valueText(fact: Fact, key: string, entityById: ReadonlyMap<string, Entity>): string {
  if (key === "when") return fact.when ? formatWhen(fact.when) : "the date";
  const num = /^number:(\d+)$/.exec(key);
  if (num) return fact.numbers[Number(num[1])]?.text ?? "the figure";
  const id = slotEntity(fact, key);
  return (id && entityById.get(id)?.name) ?? id ?? key;
}
