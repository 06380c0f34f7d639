import type { Corpus, Entity, Fact } from "@/lib/content/schema";
import { type ParsedDate, parseDateAnswer } from "@/lib/quiz/answers-date";
import { parseNumberAnswer } from "@/lib/quiz/answers-text";

/**
 * An oracle for the property tests, written apart from lib/generate on
 * purpose: it re-derives from the corpus alone whether a value would make a
 * question's stem true, so that a generator whose own truth check is broken
 * (or bypassed) fails the tests instead of grading itself.
 *
 * The rules are the ones the docs promise (docs/question-bank.md, "Rules the
 * generator enforces"), coded independently:
 * - a date is possibly true for a when-stem about F if it overlaps, at either
 *   precision, the date of F, of a fact with F's label, of a fact in F's
 *   conflict group, or of a fact of F's kind whose people include F's people;
 * - an entity is possibly true for a who/where-stem about F if it is, contains
 *   or is part of — or, for places, is disputed with or overlaps — a person,
 *   place or party of F or of a fact describing the same event (same label,
 *   conflict group, or same kind on an overlapping date), or if F's text or
 *   the stem names it;
 * - a figure is possibly true if the printed hedge implies it ("more than
 *   2,000" implies more than 1,000) or it is the printed value.
 */
export type Oracle = ReturnType<typeof makeOracle>;

type Range = [number, number];

const PART: Record<string, [number, number]> = { early: [0, 3], mid: [3, 7], late: [6, 9] };

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The calendar days a parsed date may mean, as YYYYMMDD integers. */
export function rangeOf(d: ParsedDate): Range | null {
  if (d.decade !== undefined) {
    const [lo, hi] = d.part ? (PART[d.part] ?? [0, 9]) : [0, 9];
    return [(d.decade + lo) * 10000 + 101, (d.decade + hi) * 10000 + 1231];
  }
  if (d.year === undefined) return null;
  if (d.month === undefined) return [d.year * 10000 + 101, d.year * 10000 + 1231];
  const base = d.year * 10000 + d.month * 100;
  if (d.day === undefined) return [base + 1, base + lastDay(d.year, d.month)];
  return [base + d.day, base + d.day];
}

function factRange(f: Fact): Range | null {
  const w = f.when;
  if (!w) return null;
  const [y, m, d] = w.date.split("-");
  switch (w.precision) {
    case "day":
      return rangeOf({ year: Number(y), month: Number(m), day: Number(d) });
    case "month":
      return rangeOf({ year: Number(y), month: Number(m) });
    case "year":
      return rangeOf({ year: Number(y) });
    case "decade":
      return rangeOf({ decade: Number(w.date.slice(0, 4)), ...(w.part ? { part: w.part } : {}) });
  }
}

const overlap = (a: Range, b: Range): boolean => a[0] <= b[1] && b[0] <= a[1];

function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** Every way the corpus may print an entity: name, aliases, a person's surname (4+ letters). */
function namesOf(e: Entity): string[] {
  const out = [e.name, ...e.aliases];
  const last = e.name.split(/\s+/).at(-1) ?? "";
  if (e.type === "person" && last.length >= 4) out.push(last);
  return out;
}

/** Whether `text` contains `phrase` as whole words (a possessive "'s" does not hide a name). */
function says(text: string, phrase: string): boolean {
  const bare = (t: string): string => fold(t.replace(/['’]s\b/g, ""));
  const f = bare(phrase);
  return f.length >= 2 && ` ${bare(text)} `.includes(` ${f} `);
}

/** The fine categories a wrong option must share with the answer (kept apart from lib/generate/fine-category). */
const GROUP: Record<string, string> = {
  country: "country", "former country": "country", region: "region", province: "region",
  city: "city", "capital city": "city", corridor: "corridor", border: "border",
  government: "government", "de facto authorities": "government",
  "presidential office": "state body", ministry: "state body",
  "armed forces": "armed force", "peacekeeping force": "armed force",
  "international organisation": "international body", "mediation group": "international body",
  "news agency": "news outlet", "news outlet": "news outlet",
};

export function makeOracle(corpus: Corpus) {
  const byId = new Map(corpus.entities.map((e) => [e.id, e]));
  const up = (id: string): string[] => {
    const out: string[] = [];
    for (let cur: string | undefined = id; cur && !out.includes(cur); cur = byId.get(cur)?.partOf) out.push(cur);
    return out;
  };
  // a may lie in b (or b in a) when a is inside a disputed place that may belong to a place inside b,
  // or a contains one of two places declared to overlap and b contains the other.
  const unsettledOneWay = (a: string, b: string): boolean =>
    up(a).some((x) => (byId.get(x)?.disputedWith ?? []).some((claimant) => up(claimant).includes(b))) ||
    corpus.entities.some((x) => up(x.id).includes(a) && (x.overlaps ?? []).some((y) => up(y).includes(b)));
  const unsettled = (a: string, b: string): boolean => unsettledOneWay(a, b) || unsettledOneWay(b, a);
  const related = (a: string, b: string): boolean => up(a).includes(b) || up(b).includes(a) || unsettled(a, b);
  const conflictGroup = (f: Fact): Set<string> => {
    const out = new Set([f.id, ...f.conflictsWith]);
    for (const g of corpus.facts) if (g.conflictsWith.includes(f.id)) out.add(g.id);
    return out;
  };
  const sameEvent = (f: Fact, g: Fact): boolean => g.id === f.id || g.label === f.label || conflictGroup(f).has(g.id);
  const textOf = (f: Fact): string[] => [f.statement, f.label, ...f.sources.map((s) => s.quote)];

  return {
    fact(id: string): Fact {
      const f = corpus.facts.find((x) => x.id === id);
      if (!f) throw new Error(`unknown fact ${id}`);
      return f;
    },

    /**
     * The entity a printed option or answer names (its name or an alias,
     * ignoring case and a leading "the"): a place for "where", a person or
     * organisation for "who" (capitals double as their governments).
     */
    entityNamed(text: string, field: "where" | "who"): Entity | undefined {
      const t = fold(text);
      return corpus.entities.find((e) => (field === "where") === (e.type === "place") && [e.name, ...e.aliases].some((n) => fold(n) === t));
    },

    category(e: Entity): string {
      if (e.type === "person") return "person";
      const c = (e.category ?? "").toLowerCase();
      return `${e.type}:${GROUP[c] ?? c}`;
    },

    /** Whether a printed date could answer a when-stem about `f`. */
    dateCouldBeTrue(f: Fact, printed: string): boolean {
      const p = parseDateAnswer(printed);
      if (!p.ok) throw new Error(`unreadable date option ${printed}`);
      const r = rangeOf(p.date);
      if (!r) throw new Error(`date option without a year ${printed}`);
      return corpus.facts.some((g) => {
        const gr = factRange(g);
        if (!gr || !overlap(r, gr)) return false;
        return sameEvent(f, g) || (g.kind === f.kind && f.who.every((w) => g.who.includes(w)));
      });
    },

    /** Whether a printed date is exactly the fact's date at its precision. */
    dateIsFacts(f: Fact, printed: string): boolean {
      const p = parseDateAnswer(printed);
      const r = p.ok ? rangeOf(p.date) : null;
      const fr = factRange(f);
      return !!r && !!fr && r[0] === fr[0] && r[1] === fr[1];
    },

    /** Whether entity `id` could make a who/where-stem about `f` (shown as `stem`) true. */
    entityCouldBeTrue(f: Fact, id: string, stem: string): boolean {
      const own = [...f.who, ...f.where, ...(f.attribution?.by ?? [])];
      if (own.some((t) => related(t, id))) return true;
      const e = byId.get(id);
      if (e && namesOf(e).some((n) => textOf(f).some((t) => says(t, n)) || says(stem, n))) return true;
      const fr = factRange(f);
      return corpus.facts.some((g) => {
        if (g.id === f.id) return false;
        const gr = factRange(g);
        const sameTime = g.kind === f.kind && fr && gr && overlap(fr, gr);
        if (!sameEvent(f, g) && !sameTime) return false;
        return [...g.who, ...g.where, ...(g.attribution?.by ?? [])].some((t) => related(t, id));
      });
    },

    /** Whether a printed figure could answer a number-stem whose printed answer is `answer` ("more than 2,000"). */
    numberCouldBeTrue(answer: string, printed: string, unit: string): boolean {
      const a = parseNumberAnswer(answer, unit);
      const v = parseNumberAnswer(printed, unit);
      if (a === null || v === null) throw new Error(`unreadable figure ${answer} / ${printed}`);
      if (v === a) return true;
      // Each figure as the interval its hedge allows; both can be true when the intervals meet.
      const interval = (text: string, x: number): [number, number] => {
        if (/\b(more than|over|at least)\b/i.test(text)) return [x + 1e-9, Infinity];
        if (/\b(fewer than|less than|up to|at most|under)\b/i.test(text)) return [-Infinity, x - 1e-9];
        if (/\b(about|around|approximately|nearly|almost|some)\b/i.test(text)) return [x * 0.75, x * 1.25];
        return [x, x];
      };
      const [lo1, hi1] = interval(answer, a);
      const [lo2, hi2] = interval(printed, v);
      return Math.max(lo1, lo2) <= Math.min(hi1, hi2);
    },

    /** Whether a party could be credited with `f`'s claim: an attributing party or part of one, either way. */
    partyCouldMakeClaim(f: Fact, id: string): boolean {
      return (f.attribution?.by ?? []).some((b) => up(b).includes(id) || up(id).includes(b));
    },

    /** Whether `text` names an entity in any of its forms. */
    names(text: string, id: string): boolean {
      const e = byId.get(id);
      return !!e && namesOf(e).some((n) => says(text, n));
    },
  };
}
