import { typoAllowance, editDistance } from "@/lib/quiz/answer-typos";
import { echoesQuestion } from "@/lib/quiz/answer-echo";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import type { CorpusIndex } from "./corpus-index";
import type { Question } from "./question";

/** Normalised form → ids of the entities that have it (name, alias, surname). */
function formOwners(ix: CorpusIndex): Map<string, Set<string>> {
  const key = "grading-forms\u0000owners";
  const hit = ix.memo.get(key) as Map<string, Set<string>> | undefined;
  if (hit) return hit;
  const out = new Map<string, Set<string>>();
  for (const [id, forms] of ix.forms) {
    for (const f of forms) {
      const n = normalizeAnswer(f);
      if (!n) continue;
      const set = out.get(n) ?? new Set<string>();
      set.add(id);
      out.set(n, set);
    }
  }
  ix.memo.set(key, out);
  return out;
}

/**
 * What a typed text question needs to be graded as a teacher would, set on
 * the question itself so that `gradeAnswer(question, response)` needs
 * nothing else:
 *
 * - a blank that asks for an institution is never filled by a place: when a
 *   cloze key is printed as an organisation's or person's form that no place
 *   has ("outside the _____ building" → "Armenian government"), the forms it
 *   shares with places ("Yerevan", "Armenia", metonyms of the government)
 *   are not accepted. A key printed as a place ("_____ voiced support for
 *   Baku" → "Ankara") keeps the metonym's forms: the sentence itself uses
 *   the place for the government.
 * - a descriptive form that echoes the stem (`echoesQuestion`) is dropped.
 * - `nearMisses`: the forms of every other corpus entity within twice the
 *   typo allowance of an accepted form. A misspelling of the key is
 *   forgiven only when it is nearer to the key than to all of these, and
 *   no form farther away can be nearer to a forgiven misspelling.
 */
export function withGradingForms(ix: CorpusIndex, q: Question): Question {
  const answer = q.answer;
  if (q.answerKind !== "text" || typeof answer !== "string" || q.options) return q;
  const owners = formOwners(ix);
  const isPlaceForm = (n: string): boolean => [...(owners.get(n) ?? [])].some((id) => ix.entityById.get(id)?.type === "place");
  const key = normalizeAnswer(answer);
  let accepted = q.acceptedAnswers ?? [answer];
  // A descriptive form that only echoes the stem ("the disputed region" for "Over which disputed
  // region …?") says nothing the student was not told: not an answer to this question.
  accepted = accepted.filter((f) => normalizeAnswer(f) === key || !echoesQuestion(q, f));
  if (q.type === "cloze" && !isPlaceForm(key)) accepted = accepted.filter((f) => normalizeAnswer(f) === key || !isPlaceForm(normalizeAnswer(f)));
  accepted = [...new Set([...accepted, ...placeVariants(ix, owners, q, accepted), ...sideForms(ix, q, accepted)])];
  accepted = accepted.filter((f) => normalizeAnswer(f) === key || !echoesQuestion(q, f));
  return { ...q, acceptedAnswers: accepted, nearMisses: nearMisses(ix, owners, [answer, ...accepted]) };
}

/** At most this many forms are added by `placeVariants` per question. */
const MAX_PLACE_VARIANTS = 12;

const escapeRe = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A form that names a place by its name inside it, with the place's other
 * forms, as a teacher reads them:
 * - before a noun, the place's other names: "Nagorno-Karabakh authorities"
 *   → "Karabakh authorities";
 * - after "in"/"of", the wording the question's own evidence uses for the
 *   place: "the authorities in Nagorno-Karabakh" → "the authorities of the
 *   disputed region" when the quote says "the authorities of the disputed
 *   region".
 * A variant that is another entity's form is not added.
 */
function placeVariants(ix: CorpusIndex, owners: Map<string, Set<string>>, q: Question, accepted: string[]): string[] {
  const out: { id: string; v: string }[] = [];
  const quotes = ` ${normalizeAnswer(q.sources.map((x) => x.quote).join(" "))} `;
  const places = [...ix.forms].filter(([id]) => ix.entityById.get(id)?.type === "place");
  for (const f of accepted) {
    const n = normalizeAnswer(f);
    for (const [id, pforms] of places) {
      const hit = pforms
        .filter((p) => /\p{Lu}/u.test(p))
        .map((p) => ({ p, n: normalizeAnswer(p) }))
        .filter((x) => x.n && x.n !== n && ` ${n} `.includes(` ${x.n} `))
        .sort((x, y) => y.n.length - x.n.length)[0];
      if (!hit) continue;
      const at = new RegExp(`(^|[^\\p{L}])(?:the\\s+)?${hit.n.split(" ").map(escapeRe).join("[\\s\u2010-\u2015-]+")}(?=$|[^\\p{L}])`, "iu");
      if (!at.test(f)) continue;
      const prep = new RegExp(`\\b(in|of) ${escapeRe(hit.n)}$`).exec(n);
      for (const p of pforms) {
        const pn = normalizeAnswer(p);
        if (!pn || pn === hit.n) continue;
        if (prep) {
          // After "in"/"of": only the evidence's own wording of the place, with either preposition.
          for (const w of ["in", "of"]) {
            const v = f.replace(/\b(?:in|of)\s+(?:the\s+)?\S.*$/i, `${w} ${p}`);
            if (quotes.includes(` ${normalizeAnswer(v)} `)) out.push({ id, v });
          }
        } else if (/\p{Lu}/u.test(p) && pn.split(" ").length <= 2) out.push({ id, v: f.replace(at, `$1${p}`) });
      }
    }
  }
  const seen = new Set<string>();
  return out
    .filter(({ id, v }) => {
      const k = normalizeAnswer(v);
      if (seen.has(k)) return false;
      seen.add(k);
      const owner = owners.get(k);
      return !owner || owner.has(id);
    })
    .map(({ v }) => v)
    .slice(0, MAX_PLACE_VARIANTS);
}

/** Other demonyms of a country, as the corpus's outlets write them. */
const DEMONYM_ALIASES: Record<string, string[]> = { Azerbaijani: ["Azeri"] };

/**
 * For a "Which side …?" question whose key is a country's side (its
 * government, its name, its capital), the ways a teacher accepts for a side:
 * "the Azerbaijani side", "Azerbaijani forces", "the Azerbaijanis", "Azeris",
 * "the Armenians". Only for "which side": elsewhere the people are not the
 * government.
 */
function sideForms(ix: CorpusIndex, q: Question, accepted: string[]): string[] {
  if (!/\bwhich side\b/i.test(q.prompt)) return [];
  const norm = new Set(accepted.map(normalizeAnswer));
  const out: string[] = [];
  for (const e of ix.corpus.entities) {
    if (e.type !== "place" || !e.demonym) continue;
    const demonym = e.demonym;
    const ownsKey = norm.has(normalizeAnswer(e.name)) || [...norm].some((f) => f.split(" ")[0] === demonym.toLowerCase());
    if (!ownsKey) continue;
    for (const d of [demonym, ...(DEMONYM_ALIASES[demonym] ?? [])]) {
      out.push(`the ${d} side`, `${d} forces`, `${d} troops`);
      if (!/(?:sh|ese)$/.test(d)) out.push(`the ${d}s`);
    }
  }
  return out;
}

/** Other entities' forms near any of `accepted` (memoised: banks repeat the same accepted lists). */
function nearMisses(ix: CorpusIndex, owners: Map<string, Set<string>>, accepted: string[]): string[] {
  const acceptedNorm = [...new Set(accepted.map(normalizeAnswer).filter(Boolean))].sort();
  const key = `grading-forms\u0000near\u0000${acceptedNorm.join("\u0000")}`;
  const hit = ix.memo.get(key) as string[] | undefined;
  if (hit) return [...hit];
  const near: string[] = [];
  for (const other of owners.keys()) {
    if (acceptedNorm.includes(other)) continue;
    if (acceptedNorm.some((a) => editDistance(a, other) <= 2 * typoAllowance(a))) near.push(other);
  }
  near.sort();
  ix.memo.set(key, near);
  return [...near];
}
