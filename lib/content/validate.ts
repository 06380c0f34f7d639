import { z } from "zod";
import {
  entitySchema,
  exclusionSchema,
  factSchema,
  sourceFrontMatterSchema,
  type Corpus,
  type Entity,
  type Exclusion,
  type Fact,
  type Source,
  type When,
} from "./schema";
import { whenProblem } from "./when";
import { normaliseText } from "./normalise";
import { formatIssue } from "./issue-path";
import { askAnswerIds } from "./ask-answer";
import { evidenceProblems } from "./evidence";
import type { ContentProblem } from "./content-problem";
import type { RawCorpus } from "./read-corpus";

const factFileShape = z.object({ facts: z.array(z.unknown()), excluded: z.array(z.unknown()).default([]) }).strict();
const entityFileShape = z.object({ entities: z.array(z.unknown()) }).strict();

/** A role date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; compared as strings, which sorts them. */
const ROLE_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function rawId(item: unknown): string | undefined {
  if (item && typeof item === "object" && "id" in item && typeof item.id === "string") return item.id;
  return undefined;
}

/**
 * Check the whole corpus and report EVERY problem, never stopping at the
 * first. Items that fail their schema are left out of the returned corpus
 * (their ids still count as known, so references to them are not reported
 * twice). The rules:
 * - every file and item matches `schema.ts` (problems name the field path);
 * - fact, entity and source ids are unique; a source's slug is its file name;
 * - every entity reference resolves (`who`, `where`, `attribution.by`,
 *   `partOf`, `disputedWith`, `overlaps`); `where`, `disputedWith` and
 *   `overlaps` name places and `who` names people or organisations;
 * - `conflictsWith` resolves, is not the fact itself, and is symmetric; a
 *   fact is `contested` exactly when it conflicts with another, and a
 *   contested fact carries an `attribution`;
 * - every quote (facts, exclusions, roles — a role gives both `source` and
 *   `quote` or neither) is verbatim in its source's body,
 *   after `normaliseText`; every printed number appears in one of its quotes;
 * - every date passes `whenProblem` (fact `when`, source `published`), and
 *   role dates are ISO dates with `from` ≤ `to`;
 * - labels are unique (case-insensitively); an `ask` stem is given only for
 *   a field the fact has, and an `ask.who` / `ask.where` stem leaves at least
 *   one of the fact's entities unnamed to be the answer (`askAnswerIds`);
 *   `ask.by` (who made the claim) only on an attributed fact;
 * - every slot a question can ask (date, each person, place and figure, the
 *   party of a claim) has evidence: a quote that states it, or a declared
 *   step whose words are in the quote and that names it (`evidenceProblems`).
 */
export function validateCorpus(raw: RawCorpus): { corpus: Corpus; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const add = (file: string, id: string | undefined, message: string) =>
    problems.push(id === undefined ? { file, message } : { file, id, message });

  // ── Sources ──
  const sources: Source[] = [];
  const sourceFile = new Map<string, string>();
  const knownSources = new Set<string>();
  for (const s of raw.sources) {
    knownSources.add(s.fileSlug);
    const parsed = sourceFrontMatterSchema.safeParse(s.frontMatter);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(s.file, s.fileSlug, `front matter ${formatIssue(issue)}`);
      continue;
    }
    const fm = parsed.data;
    if (fm.slug !== s.fileSlug) add(s.file, fm.slug, `slug "${fm.slug}" differs from the file name "${s.fileSlug}.md"`);
    if (sourceFile.has(fm.slug)) add(s.file, fm.slug, `duplicate source slug (also in ${sourceFile.get(fm.slug)})`);
    else sourceFile.set(fm.slug, s.file);
    knownSources.add(fm.slug);
    const wp = whenProblem(fm.published);
    if (wp) add(s.file, fm.slug, `published: ${wp}`);
    if (s.body.trim().length === 0) add(s.file, fm.slug, "body is empty");
    sources.push({ ...fm, body: s.body });
  }
  const normalisedBody = new Map(sources.map((s) => [s.slug, normaliseText(s.body)]));

  // ── Entities ──
  const entities: Entity[] = [];
  const entFile = raw.entities.file;
  const knownEntities = new Map<string, Entity["type"] | undefined>();
  const entShape = entityFileShape.safeParse(raw.entities.data);
  if (raw.entities.data !== undefined && !entShape.success) {
    for (const issue of entShape.error.issues) add(entFile, undefined, formatIssue(issue));
  }
  const rawEntities = entShape.success ? entShape.data.entities : [];
  rawEntities.forEach((item, i) => {
    const id = rawId(item);
    if (id !== undefined && !knownEntities.has(id)) knownEntities.set(id, undefined);
    const parsed = entitySchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(entFile, id, formatIssue(issue, `entities[${i}]`));
      return;
    }
    entities.push(parsed.data);
  });
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const roleQuotes: { owner: string; field: string; source: string; quote: string }[] = [];
  const seenEntity = new Set<string>();
  for (const e of entities) {
    if (seenEntity.has(e.id)) add(entFile, e.id, "duplicate entity id");
    seenEntity.add(e.id);
    knownEntities.set(e.id, e.type);
  }
  const checkRef = (file: string, owner: string, field: string, ref: string, want?: (t: Entity["type"]) => string | null) => {
    if (!knownEntities.has(ref)) {
      add(file, owner, `${field}: unknown entity "${ref}"`);
      return;
    }
    const type = knownEntities.get(ref);
    const wrong = type && want ? want(type) : null;
    if (wrong) add(file, owner, `${field}: "${ref}" is a ${type}; ${wrong}`);
  };
  for (const e of entities) {
    if (e.partOf !== undefined) {
      if (e.partOf === e.id) add(entFile, e.id, "partOf: an entity cannot be part of itself");
      else checkRef(entFile, e.id, "partOf", e.partOf);
    }
    for (const key of ["disputedWith", "overlaps"] as const) {
      (e[key] ?? []).forEach((ref, i) => {
        if (e.type !== "place") add(entFile, e.id, `${key}: only places have ${key}`);
        else if (ref === e.id) add(entFile, e.id, `${key}[${i}]: a place cannot be related to itself`);
        else checkRef(entFile, e.id, `${key}[${i}]`, ref, (t) => (t === "place" ? null : `${key} names places`));
      });
    }
    (e.alignedWith ?? []).forEach((a, i) => {
      if (a.entity === e.id) add(entFile, e.id, `alignedWith[${i}]: an entity cannot be aligned with itself`);
      else checkRef(entFile, e.id, `alignedWith[${i}].entity`, a.entity);
      roleQuotes.push({ owner: e.id, field: `alignedWith[${i}].quote`, source: a.source, quote: a.quote });
    });
    (e.descriptors ?? []).forEach((d, i) => roleQuotes.push({ owner: e.id, field: `descriptors[${i}].words`, source: d.source, quote: d.words }));
    e.roles.forEach((r, i) => {
      if ((r.source === undefined) !== (r.quote === undefined)) add(entFile, e.id, `roles[${i}]: give both source and quote, or neither`);
      if (r.source !== undefined && r.quote !== undefined) roleQuotes.push({ owner: e.id, field: `roles[${i}].quote`, source: r.source, quote: r.quote });
      for (const key of ["from", "to"] as const) {
        const v = r[key];
        if (v !== undefined && !ROLE_DATE.test(v)) add(entFile, e.id, `roles[${i}].${key}: "${v}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
      }
      if (r.from && r.to && ROLE_DATE.test(r.from) && ROLE_DATE.test(r.to) && r.from > r.to) {
        add(entFile, e.id, `roles[${i}]: from ${r.from} is after to ${r.to}`);
      }
    });
  }

  // ── Facts and exclusions ──
  const facts: Fact[] = [];
  const excluded: Exclusion[] = [];
  const factFile = raw.facts.file;
  const knownFacts = new Set<string>();
  const factShape = factFileShape.safeParse(raw.facts.data);
  if (raw.facts.data !== undefined && !factShape.success) {
    for (const issue of factShape.error.issues) add(factFile, undefined, formatIssue(issue));
  }
  const rawFacts = factShape.success ? factShape.data.facts : [];
  const rawExcluded = factShape.success ? factShape.data.excluded : [];
  rawFacts.forEach((item, i) => {
    const id = rawId(item);
    if (id !== undefined) knownFacts.add(id);
    const parsed = factSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(factFile, id, formatIssue(issue, `facts[${i}]`));
      return;
    }
    facts.push(parsed.data);
  });
  rawExcluded.forEach((item, i) => {
    const parsed = exclusionSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(factFile, `excluded[${i}]`, formatIssue(issue, `excluded[${i}]`));
      return;
    }
    excluded.push(parsed.data);
  });

  const checkQuote = (owner: string, field: string, source: string, quote: string, file = factFile) => {
    const body = normalisedBody.get(source);
    if (body === undefined) {
      add(file, owner, `${field}: unknown source "${source}"${knownSources.has(source) ? " (its front matter is invalid)" : ""}`);
      return;
    }
    if (!body.includes(normaliseText(quote))) add(file, owner, `${field}: quote not found verbatim in source "${source}": "${quote}"`);
  };
  const checkWhen = (owner: string, field: string, when: When) => {
    const wp = whenProblem(when);
    if (wp) add(factFile, owner, `${field}: ${wp}`);
  };

  const factById = new Map<string, Fact>();
  const labels = new Map<string, string>();
  for (const f of facts) {
    if (factById.has(f.id)) add(factFile, f.id, "duplicate fact id");
    else factById.set(f.id, f);
    const labelKey = normaliseText(f.label).toLowerCase();
    const other = labels.get(labelKey);
    if (other !== undefined) add(factFile, f.id, `label "${f.label}" is also the label of ${other}`);
    else labels.set(labelKey, f.id);
  }
  for (const f of facts) {
    f.who.forEach((ref, i) =>
      checkRef(factFile, f.id, `who[${i}]`, ref, (t) => (t === "place" ? "who names people or organisations" : null)),
    );
    f.where.forEach((ref, i) => checkRef(factFile, f.id, `where[${i}]`, ref, (t) => (t === "place" ? null : "where names places")));
    f.attribution?.by.forEach((ref, i) => checkRef(factFile, f.id, `attribution.by[${i}]`, ref));
    if (f.when) checkWhen(f.id, "when", f.when);
    f.sources.forEach((s, i) => checkQuote(f.id, `sources[${i}]`, s.source, s.quote));

    f.conflictsWith.forEach((ref, i) => {
      if (ref === f.id) add(factFile, f.id, `conflictsWith[${i}]: a fact cannot conflict with itself`);
      else if (!knownFacts.has(ref)) add(factFile, f.id, `conflictsWith[${i}]: unknown fact "${ref}"`);
      else {
        const back = factById.get(ref);
        if (back && !back.conflictsWith.includes(f.id)) {
          add(factFile, f.id, `conflictsWith[${i}]: "${ref}" does not list "${f.id}" in its conflictsWith (must be symmetric)`);
        }
      }
    });
    if (f.contested && !f.attribution) add(factFile, f.id, "contested fact has no attribution (say whose version it is)");
    if (f.contested && f.conflictsWith.length === 0) add(factFile, f.id, "contested fact names no conflictsWith (the other version)");
    if (!f.contested && f.conflictsWith.length > 0) add(factFile, f.id, "fact with conflictsWith must be contested: true");

    const quotes = f.sources.map((s) => normaliseText(s.quote));
    f.numbers.forEach((n, i) => {
      if (!quotes.some((q) => q.includes(normaliseText(n.text)))) {
        add(factFile, f.id, `numbers[${i}]: "${n.text}" does not appear in any of the fact's quotes`);
      }
    });
    if (f.ask) {
      const has = { when: f.when !== undefined, who: f.who.length > 0, where: f.where.length > 0, number: f.numbers.length > 0 };
      for (const key of ["when", "who", "where", "number"] as const) {
        const stem = f.ask[key];
        if (stem === undefined) continue;
        if (!has[key]) add(factFile, f.id, `ask.${key}: stem given but the fact has no ${key === "number" ? "numbers" : key}`);
        if (stem.trim().length < 10 || !stem.trim().endsWith("?")) add(factFile, f.id, `ask.${key}: stem must be a question ending in "?"`);
        if ((key === "who" || key === "where") && has[key] && askAnswerIds(stem, f[key], entityById).length === 0) {
          add(factFile, f.id, `ask.${key}: the stem names every entity in ${key}, leaving nothing to answer`);
        }
      }
      if (f.ask.by !== undefined) {
        if (!f.attribution) add(factFile, f.id, "ask.by: stem given but the fact has no attribution");
        if (f.ask.by.trim().length < 10 || !f.ask.by.trim().endsWith("?")) add(factFile, f.id, 'ask.by: stem must be a question ending in "?"');
      }
    }
  }
  const sourceBySlug = new Map(sources.map((s) => [s.slug, s]));
  for (const f of facts) for (const message of evidenceProblems(f, entityById, sourceBySlug)) add(factFile, f.id, message);
  excluded.forEach((x, i) => checkQuote(`excluded[${i}]`, "quote", x.source, x.quote));
  for (const r of roleQuotes) checkQuote(r.owner, r.field, r.source, r.quote, entFile);

  return { corpus: { sources, entities, facts, excluded }, problems };
}
