import type { Corpus, Entity, Fact, Source } from "@/lib/content/schema";
import { whenProblem } from "@/lib/content/when";
import { whenRange } from "./date-interval";
import type { Citation } from "./question";

/** Lookups the generators share, built once per corpus. */
export type CorpusIndex = {
  corpus: Corpus;
  /** Facts sorted by id, so output never depends on file order. */
  facts: Fact[];
  factById: Map<string, Fact>;
  entityById: Map<string, Entity>;
  sourceBySlug: Map<string, Source>;
  /** Entity id → every form a student may type or a text may print. */
  forms: Map<string, string[]>;
  /** Entity id → regexes finding its forms as whole words. */
  formPatterns: Map<string, RegExp[]>;
  /** Fact id → ids of the fact and every fact it conflicts with (both directions). */
  conflicts: Map<string, Set<string>>;
  /** `YYYYMMDD` of the latest day any fact or source date reaches. */
  latest: number;
  /** Entity id → itself and every entity it is `partOf`, transitively. */
  ancestors: Map<string, Set<string>>;
  /**
   * Place id → places it is not provably distinct from: `disputedWith` and
   * `overlaps` in either direction, inherited down `partOf` on both sides.
   */
  unsettled: Map<string, Set<string>>;
  /** Memo: fact id → entities its statement, label or quotes name. */
  mentionMemo: Map<string, Set<string>>;
  /** Memo for per-fact derived data (slots), keyed by a name. */
  memo: Map<string, unknown>;
};

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const patternCache = new Map<string, RegExp>();

/**
 * A case-insensitive whole-word pattern for a literal phrase (cached; with
 * the `g` flag the caller must only use it with `replace`/`match`, which
 * reset `lastIndex`).
 */
export function wordPattern(phrase: string, flags = "iu"): RegExp {
  const key = `${flags}\u0000${phrase}`;
  let re = patternCache.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(phrase)}(?![\\p{L}\\p{N}])`, flags);
    patternCache.set(key, re);
  }
  return re;
}

/**
 * Builds the index. A person's surname alone ("Putin") is an accepted form
 * when no other person's name ends with the same word and it is either long
 * enough to be a surname (4+ letters) or the articles use it on its own
 * (so "Yi" is not taken for Wang Yi). A one-word alias of a person is also
 * accepted after the first name ("Aliev" → "Ilham Aliev").
 */
export function indexCorpus(corpus: Corpus): CorpusIndex {
  const facts = corpus.facts.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entityById = new Map(corpus.entities.map((e) => [e.id, e]));
  const surnameCount = new Map<string, number>();
  for (const e of corpus.entities) {
    if (e.type !== "person") continue;
    const last = e.name.split(/\s+/).at(-1)?.toLowerCase() ?? "";
    surnameCount.set(last, (surnameCount.get(last) ?? 0) + 1);
  }
  const forms = new Map<string, string[]>();
  const formPatterns = new Map<string, RegExp[]>();
  for (const e of corpus.entities) {
    const list = [e.name, ...e.aliases];
    const last = e.name.split(/\s+/).at(-1) ?? "";
    if (e.type === "person" && last !== e.name && surnameCount.get(last.toLowerCase()) === 1 && (last.length >= 4 || usedAlone(corpus, e.name, last))) list.push(last);
    const first = e.name.split(/\s+/)[0] ?? "";
    if (e.type === "person" && first !== e.name) {
      for (const a of e.aliases) if (/^\p{Lu}[\p{L}'-]+$/u.test(a) && a !== first) list.push(`${first} ${a}`);
    }
    const unique = [...new Set(list)].sort((a, b) => b.length - a.length);
    forms.set(e.id, unique);
    formPatterns.set(e.id, unique.filter((f) => f.length >= 2).map((f) => wordPattern(f)));
  }
  const conflicts = new Map<string, Set<string>>(facts.map((f) => [f.id, new Set([f.id, ...f.conflictsWith])]));
  for (const f of facts) for (const id of f.conflictsWith) conflicts.get(id)?.add(f.id);
  const latest = Math.max(
    0,
    ...[...facts.flatMap((f) => (f.when ? [f.when] : [])), ...corpus.sources.map((src) => src.published)]
      .filter((w) => whenProblem(w) === null)
      .map((w) => whenRange(w)[1]),
  );
  const ancestors = new Map<string, Set<string>>();
  for (const e of corpus.entities) {
    const seen = new Set<string>();
    let cur: string | undefined = e.id;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      cur = entityById.get(cur)?.partOf;
    }
    ancestors.set(e.id, seen);
  }
  return {
    corpus,
    conflicts,
    latest,
    ancestors,
    unsettled: unsettledPlaces(corpus, ancestors),
    mentionMemo: new Map(),
    memo: new Map(),
    facts,
    factById: new Map(facts.map((f) => [f.id, f])),
    entityById,
    sourceBySlug: new Map(corpus.sources.map((s) => [s.slug, s])),
    forms,
    formPatterns,
  };
}

/**
 * Place id → places it is not provably distinct from:
 * - `disputedWith`: a place whose status is disputed (Nagorno-Karabakh) and
 *   everything in it (Stepanakert) may or may not be part of the places it
 *   lists (Azerbaijan) and of whatever contains them — but not of their other
 *   parts (Baku is not in Nagorno-Karabakh either way);
 * - `overlaps`: two places that may share ground, and everything containing
 *   either of them (but not their other parts).
 * Both directions are recorded, since "A is wrong where B is right" and the
 * converse take the same side.
 */
function unsettledPlaces(corpus: Corpus, ancestors: Map<string, Set<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const set = out.get(x) ?? new Set<string>();
      set.add(y);
      out.set(x, set);
    }
  };
  const up = (id: string): Set<string> => ancestors.get(id) ?? new Set([id]);
  const places = corpus.entities.filter((e) => e.type === "place");
  for (const e of corpus.entities) {
    for (const claimant of e.disputedWith ?? []) {
      // Every place inside `e`, against every place containing the claimant.
      for (const inside of places) if (up(inside.id).has(e.id)) for (const outer of up(claimant)) link(inside.id, outer);
    }
    for (const other of e.overlaps ?? []) {
      for (const a of up(e.id)) for (const b of up(other)) link(a, b);
    }
  }
  return out;
}

function usedAlone(corpus: Corpus, full: string, last: string): boolean {
  const alone = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(last)}(?![\\p{L}\\p{N}])`, "gu");
  const whole = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(full)}(?![\\p{L}\\p{N}])`, "gu");
  const texts = [...corpus.sources.map((src) => src.body), ...corpus.facts.flatMap((f) => f.sources.map((r) => r.quote))];
  return texts.some((t) => (t.match(alone)?.length ?? 0) > (t.match(whole)?.length ?? 0));
}

/**
 * An entity's name as it reads inside a sentence: organisations and
 * corridors/borders/buildings take "the" ("the Kremlin", "the Armenian
 * government", "the Lachin Corridor") unless the name already has it, is an
 * acronym (OSCE, TASS) or is a news outlet.
 */
export function entityName(ix: CorpusIndex, id: string): string {
  const e = ix.entityById.get(id);
  if (!e) return id;
  const n = e.name;
  if (/^the\b/i.test(n) || /^[A-Z0-9]{2,}\b/.test(n)) return n;
  const cat = e.category ?? "";
  const needsArticle =
    (e.type === "organisation" && !/outlet|news|media|agency/i.test(cat)) ||
    (e.type === "place" && /corridor|border|building/i.test(cat));
  return needsArticle ? `the ${n}` : n;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * True when one entity is the other, contains it through `partOf` (either
 * way), or — for places — is not provably distinct from it (`disputedWith`,
 * `overlaps`): naming one where the other is right is never safely false.
 */
export function entitiesRelated(ix: CorpusIndex, a: string, b: string): boolean {
  if (a === b) return true;
  return (ix.ancestors.get(a)?.has(b) ?? false) || (ix.ancestors.get(b)?.has(a) ?? false) || (ix.unsettled.get(a)?.has(b) ?? false);
}

/** Facts that say something about the same event: the fact itself and its conflicts, both directions. */
export function conflictGroup(ix: CorpusIndex, fact: Fact): Fact[] {
  const ids = ix.conflicts.get(fact.id) ?? new Set([fact.id]);
  return [...ids].flatMap((id) => {
    const g = ix.factById.get(id);
    return g ? [g] : [];
  });
}

/** A fact stated by one party, or disputed: asked only as what someone said. */
export function isClaim(fact: Fact): boolean {
  return fact.attribution !== undefined || fact.contested;
}

/**
 * Who a claim is credited to: the attributing parties, or for a contested
 * fact with no attribution the outlet that reports it.
 */
export function claimParty(ix: CorpusIndex, fact: Fact): string {
  if (fact.attribution) return joinNames(fact.attribution.by.map((id) => entityName(ix, id)));
  const first = fact.sources[0];
  return (first && ix.sourceBySlug.get(first.source)?.outlet) ?? "the source";
}

export function citationOf(fact: Fact, index = 0): Citation {
  const ref = fact.sources[index] ?? fact.sources[0];
  return { slug: ref?.source ?? "", quote: ref?.quote ?? "" };
}

/** `/sources/<slug>#<fact-id>`: the article page with the cited sentence highlighted. */
export function factLink(fact: Fact, index = 0): string {
  return `/sources/${citationOf(fact, index).slug}#${fact.id}`;
}

/** Whether any form of an entity is printed in the fact's statement, label or quotes. */
export function factMentions(ix: CorpusIndex, fact: Fact, entityId: string): boolean {
  let set = ix.mentionMemo.get(fact.id);
  if (!set) {
    const texts = [fact.statement, fact.label, ...fact.sources.map((s) => s.quote)];
    set = new Set<string>();
    for (const [id, pats] of ix.formPatterns) if (pats.some((p) => texts.some((t) => p.test(t)))) set.add(id);
    ix.mentionMemo.set(fact.id, set);
  }
  return set.has(entityId);
}

/** Whether a text names the entity in any of its forms. */
export function textMentions(ix: CorpusIndex, text: string, entityId: string): boolean {
  return (ix.formPatterns.get(entityId) ?? []).some((p) => p.test(text));
}

export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether the articles put `a` and `b` on one side (`alignedWith`, either way, or through `partOf`). */
export function entitiesAligned(ix: CorpusIndex, a: string, b: string): boolean {
  const up = (id: string): Set<string> => ix.ancestors.get(id) ?? new Set([id]);
  const ua = up(a);
  const ub = up(b);
  for (const x of ua) for (const al of ix.entityById.get(x)?.alignedWith ?? []) if (ub.has(al.entity)) return true;
  for (const x of ub) for (const al of ix.entityById.get(x)?.alignedWith ?? []) if (ua.has(al.entity)) return true;
  return false;
}

/** A description that fits `entityId` alone ("a long-time ally of Azerbaijan") printed in `text`, or null. */
export function descriptorIn(ix: CorpusIndex, text: string, entityId: string): string | null {
  const t = text.toLowerCase();
  for (const d of ix.entityById.get(entityId)?.descriptors ?? []) if (t.includes(d.words.toLowerCase())) return d.words;
  return null;
}
