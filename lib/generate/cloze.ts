import type { Fact, When } from "@/lib/content/schema";
import { MONTH_NAMES } from "@/lib/content/when";
import { type CorpusIndex, citationOf, claimParty, isClaim, textMentions, wordPattern } from "./corpus-index";
import { numberForms } from "./fact-slots";

/** One thing a quote can be blanked on, with how the blank is graded. */
export type ClozeSpan = {
  /** Stable within a fact: `when`, `who-<entity>`, `where-<entity>`, `number-<i>`. */
  key: string;
  field: "when" | "who" | "where" | "number";
  /** The quote with every printed form of the answer replaced by a blank. */
  blanked: string;
  /** The answer as printed in the quote. */
  answer: string;
  accepted: string[];
  answerKind: "text" | "number" | "date";
  date?: Pick<When, "date" | "precision" | "part"> & { yearOptional: boolean };
  numberValue?: number;
  unit?: string;
};

export const BLANK = "_____";

const SHORT_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/**
 * How a date can be printed in an article, longest first: "November 9, 2020",
 * "9 November 2020", "November 9", "Nov. 9", "September 2020", "late 1980s" …
 */
export function printedDateForms(when: Pick<When, "date" | "precision" | "part">): string[] {
  const y = when.date.slice(0, 4);
  const out: string[] = [];
  if (when.precision === "day" || when.precision === "month") {
    const m = Number(when.date.slice(5, 7));
    const names = [MONTH_NAMES[m - 1] ?? "", SHORT_MONTHS[m - 1] ?? "", (SHORT_MONTHS[m - 1] ?? "").replace(".", "")];
    if (when.precision === "day") {
      const d = String(Number(when.date.slice(8, 10)));
      for (const n of names) out.push(`${n} ${d}, ${y}`, `${n} ${d} ${y}`, `${d} ${n} ${y}`, `${n} ${d}`, `${d} ${n}`);
    } else {
      for (const n of names) out.push(`${n} ${y}`, `${n}, ${y}`, n);
    }
  } else if (when.precision === "year") {
    out.push(y);
  } else {
    if (when.part) out.push(`${when.part} ${when.date}`, `${when.part}-${when.date}`);
    out.push(when.date);
  }
  return [...new Set(out.filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
}

/** The [start, end) ranges where any of `forms` occurs in `text` as whole words. */
function matchRanges(text: string, forms: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const f of forms) for (const m of text.matchAll(wordPattern(f, "giu"))) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * Blanks every printed form in `forms` (longest first), or returns null when
 * the blanks would stand for different words: one answer cannot fill both
 * "raging in _____ of _____" ("the disputed region of Nagorno-Karabakh") or
 * "the _____ (_____)" ("Organization for Security and Cooperation in Europe
 * (OSCE)"), and leaving either printed would give the other away.
 */
function blankAll(text: string, forms: string[]): { blanked: string; first: string } | null {
  let first: string | null = null;
  let at = Infinity;
  for (const f of forms) {
    const m = wordPattern(f).exec(text);
    if (m && m.index < at) {
      at = m.index;
      first = m[0];
    }
  }
  if (first === null) return null;
  const printed = new Set<string>();
  let out = text;
  for (const f of forms) {
    out = out.replace(wordPattern(f, "giu"), (m) => {
      printed.add(m.toLowerCase());
      return BLANK;
    });
  }
  if (printed.size > 1) return null;
  return { blanked: out, first };
}

/**
 * The blanks a quote supports: the fact's date in any printed form, every
 * corpus entity the quote names (people and organisations as "who", places
 * as "where"; all forms of the entity are blanked so the rest of the quote
 * does not give it away), and each of the fact's figures as printed.
 *
 * A printed name that is a form of several entities ("Ankara": the city and
 * the Turkish government it stands for) accepts the forms of all of them, so
 * "Turkey" fills "_____ voiced support for Baku". For a claim, the party
 * making it is never the blank (according-to-whom asks that, and the rest of
 * a short quote — "_____ denied the allegations." — cannot tell who it was).
 */
export function clozeSpans(ix: CorpusIndex, fact: Fact, quote: string): ClozeSpan[] {
  const key = `cloze\u0000${fact.id}\u0000${quote}`;
  const hit = ix.memo.get(key) as ClozeSpan[] | undefined;
  if (hit) return hit;
  const spans = computeSpans(ix, fact, quote);
  ix.memo.set(key, spans);
  return spans;
}

function computeSpans(ix: CorpusIndex, fact: Fact, quote: string): ClozeSpan[] {
  const spans: ClozeSpan[] = [];
  const used = new Set<string>();
  if (fact.when) {
    const hit = blankAll(quote, printedDateForms(fact.when));
    if (hit) {
      const hasPart = fact.when.part !== undefined && hit.first.toLowerCase().includes(fact.when.part);
      spans.push({
        key: "when",
        field: "when",
        blanked: hit.blanked,
        answer: hit.first,
        accepted: [hit.first],
        answerKind: "date",
        date: {
          date: fact.when.date,
          precision: fact.when.precision,
          ...(hasPart && fact.when.part ? { part: fact.when.part } : {}),
          yearOptional: !/\d{4}/.test(hit.first),
        },
      });
      used.add(hit.first.toLowerCase());
    }
  }
  fact.numbers.forEach((n, i) => {
    const hit = blankAll(quote, [n.text]);
    if (!hit) return;
    spans.push({ key: `number-${i}`, field: "number", blanked: hit.blanked, answer: hit.first, accepted: numberForms(n), answerKind: "number", numberValue: n.value, unit: n.unit });
    used.add(hit.first.toLowerCase());
  });
  const entities = ix.corpus.entities.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const lower = quote.toLowerCase();
  const parties = isClaim(fact) ? (fact.attribution?.by ?? []) : [];
  // Where the quote names a party, in any form: never blanked, not even in
  // part ("the Russian president" inside "the Russian president's office").
  const partyRanges = parties.flatMap((p) => matchRanges(quote, ix.forms.get(p) ?? []));
  for (const e of entities) {
    const forms = ix.forms.get(e.id) ?? [];
    if (!forms.some((f) => lower.includes(f.toLowerCase()))) continue;
    const hit = blankAll(quote, forms);
    if (!hit || used.has(hit.first.toLowerCase())) continue;
    used.add(hit.first.toLowerCase());
    const printed = hit.first.toLowerCase();
    const sharing = entities.filter((o) => (ix.forms.get(o.id) ?? []).some((f) => f.toLowerCase() === printed));
    if (sharing.some((o) => parties.includes(o.id))) continue;
    if (partyRanges.length && matchRanges(quote, forms).some(([a, b]) => partyRanges.some(([c, d]) => a < d && c < b))) continue;
    const accepted = [hit.first, ...forms, ...sharing.flatMap((o) => ix.forms.get(o.id) ?? [])];
    const field = e.type === "place" ? "where" : "who";
    spans.push({ key: `${field}-${e.id}`, field, blanked: hit.blanked, answer: hit.first, accepted: [...new Set(accepted)], answerKind: "text" });
  }
  return spans;
}

/**
 * The quote as a cloze shows it, credited to its outlet: "According to TASS:
 * “… _____ …”". For a claim whose blanked quote does not name the party
 * making it (and whose party is not the outlet itself), the party is named
 * up front — "According to RT, reporting the Turkish government's account:
 * “blamed _____ for the Sunday violence.”" — so the blank is never read as
 * settled fact or credited to nobody.
 */
export function clozeFrame(ix: CorpusIndex, fact: Fact, blanked: string, quoteIndex: number): string {
  const slug = citationOf(fact, quoteIndex).slug;
  const outlet = ix.sourceBySlug.get(slug)?.outlet ?? slug;
  if (!isClaim(fact)) return `According to ${outlet}: “${blanked}”`;
  const by = fact.attribution?.by ?? [];
  const partyIsOutlet = by.some((b) => ix.entityById.get(b)?.name.toLowerCase() === outlet.toLowerCase());
  const named = by.some((b) => textMentions(ix, blanked, b));
  if (partyIsOutlet || named) return `According to ${outlet}: “${blanked}”`;
  return `According to ${outlet}, reporting ${possessive(claimParty(ix, fact))} account: “${blanked}”`;
}

function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}
