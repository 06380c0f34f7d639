import { typoAllowance, editDistance } from "@/lib/quiz/answer-typos";
import { echoesQuestion } from "@/lib/quiz/answer-echo";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import type { CorpusIndex } from "./corpus-index";
import { countryForms } from "./fact-slots";
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
  accepted = [...new Set([...accepted, ...phrasingVariants(ix, owners, accepted)])];
  accepted = accepted.filter((f) => normalizeAnswer(f) === key || !echoesQuestion(q, f));
  // "Where …?" asks for a place: a description ("the disputed region", "the breakaway region") names none.
  if (q.about === "where") accepted = accepted.filter((f) => normalizeAnswer(f) === key || !isPlaceDescription(f));
  // A variant that says a word twice ("the Lachin Corridor Corridor", from the alias "Lachin") is no one's phrasing.
  accepted = accepted.filter((f) => normalizeAnswer(f) === key || !/\b(\p{L}+)[\s-]+\1\b/iu.test(f));
  // "Who …?" asks for a person by name: a role ("the Armenian prime minister", "the Russian foreign
  // minister") is read off a stem that says "the Armenian leader" or "Russian minister … his counterparts".
  const keyIsPerson = [...(owners.get(key) ?? [])].some((id) => ix.entityById.get(id)?.type === "person");
  if (keyIsPerson) accepted = accepted.filter((f) => normalizeAnswer(f) === key || !/(?:^the\s|\s(?!of\b|in\b)\p{Ll}{3,})/u.test(f));
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
      // A hyphen joins a name's parts: "Karabagh" inside "Nagorno-Karabagh" is not the place on its own.
      const at = new RegExp(`(^|[^\\p{L}\u2010-\u2015-])(?:the\\s+)?${hit.n.split(" ").map(escapeRe).join("[\\s\u2010-\u2015-]+")}(?=$|[^\\p{L}\u2010-\u2015-])`, "iu");
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

/** The closing nouns of a description of a place rather than its name ("the disputed region"). */
const PLACE_NOUNS = /\b(?:region|area|territory|enclave|zone|capital|country|province|city)$/;

/** A form with no proper name that ends in a place noun: a description, not a place's name. */
function isPlaceDescription(form: string): boolean {
  return !/\p{Lu}/u.test(form) && PLACE_NOUNS.test(normalizeAnswer(form));
}

/**
 * Nouns a teacher takes for one another after a state's name or demonym:
 * "the Armenian authorities" for "the Armenian government", "Nagorno-Karabakh
 * officials" for "the Nagorno-Karabakh authorities", "Azerbaijani troops" or
 * "the Azerbaijani army" for "the Azerbaijani armed forces".
 */
const NOUN_SYNONYMS: Record<string, string[]> = {
  government: ["authorities", "leadership"],
  authorities: ["officials", "government", "leadership"],
  "armed forces": ["forces", "troops", "army", "military"],
  forces: ["troops", "army", "military", "armed forces"],
  troops: ["forces", "army", "military"],
  army: ["forces", "troops", "military", "armed forces"],
  military: ["forces", "troops", "army", "armed forces"],
  "foreign ministry": ["ministry of foreign affairs", "mfa"],
};

/** At most this many forms are added by `phrasingVariants` per question. */
const MAX_PHRASINGS = 24;

type PlaceHead = { re: RegExp; place: string; demonym: boolean };

/** The openings of a form that name a place: its demonyms ("Armenian …") and capitalised names ("Nagorno-Karabakh …"), memoised per corpus. */
function placeHeads(ix: CorpusIndex): PlaceHead[] {
  const key = "grading-forms\u0000heads";
  const hit = ix.memo.get(key) as PlaceHead[] | undefined;
  if (hit) return hit;
  const heads: PlaceHead[] = [];
  for (const p of ix.corpus.entities.filter((e) => e.type === "place")) {
    if (p.demonym) for (const d of [p.demonym, ...(DEMONYM_ALIASES[p.demonym] ?? [])]) heads.push({ re: new RegExp(`^(?:the\\s+)?${escapeRe(d)}\\s+(.+)$`, "i"), place: p.name, demonym: true });
    for (const n of [p.name, ...p.aliases].filter((a) => /^\p{Lu}/u.test(a))) heads.push({ re: new RegExp(`^(?:the\\s+)?${escapeRe(n)}\\s+(\\p{Ll}.*)$`, "u"), place: p.name, demonym: false });
  }
  ix.memo.set(key, heads);
  return heads;
}

/**
 * The other word orders and nouns a teacher accepts for a form that names a
 * body by its state or region, as `NOUN_SYNONYMS` and the places' names and
 * demonyms give them:
 * - "<Demonym> <noun>" ↔ "the <noun> of <Place>" ↔ "<Place>'s <noun>":
 *   "the Armenian government" → "the government of Armenia", "Armenia's
 *   government"; "Russian peacekeepers" → "the peacekeepers of Russia";
 * - "<Place> <noun>" ↔ "the <noun> of/in <Place>": "Nagorno-Karabakh
 *   authorities" → "the authorities of Nagorno-Karabakh";
 * - each with the noun's synonyms ("the Armenian authorities",
 *   "Nagorno-Karabakh officials", "Azerbaijani troops");
 * - a person's or city's name with its country: "Wang Yi of China",
 *   "Yerevan, Armenia".
 * A variant that is another entity's form is never added.
 */
function phrasingVariants(ix: CorpusIndex, owners: Map<string, Set<string>>, accepted: string[]): string[] {
  const keyOwners = new Set(accepted.flatMap((f) => [...(owners.get(normalizeAnswer(f)) ?? [])]));
  const heads = placeHeads(ix);
  const out: string[] = [];
  const add = (v: string, ownerIds: Set<string>): void => {
    const k = normalizeAnswer(v);
    const owner = owners.get(k);
    if (owner && ![...owner].some((id) => ownerIds.has(id))) return;
    out.push(v);
  };
  for (const f of accepted) {
    const ids = owners.get(normalizeAnswer(f)) ?? keyOwners;
    // A list ("Syunik province and Gegharkunik province") is no "<place> <noun>": its parts have their own forms.
    if (/\s(?:and|&)\s|,/i.test(f)) continue;
    for (const h of heads) {
      const m = h.re.exec(f);
      const noun = m?.[1]?.toLowerCase();
      if (!m || !noun || /\b(?:in|of|on)\b/.test(noun)) continue;
      const demonym = f.replace(/^the\s+/i, "").slice(0, f.replace(/^the\s+/i, "").length - noun.length).trim();
      const nouns = [noun, ...(NOUN_SYNONYMS[noun] ?? [])];
      for (const n of nouns) {
        if (n !== noun) add(`the ${demonym} ${n}`, ids);
        add(`the ${n} of ${h.place}`, ids);
        if (h.demonym) add(`${h.place}'s ${n}`, ids);
        else add(`the ${n} in ${h.place}`, ids);
      }
    }
    const syn = NOUN_SYNONYMS[normalizeAnswer(f).replace(/^(?:russian|russias)\s+/, "")];
    if (syn && /foreign ministry/i.test(f)) for (const n of syn) add(f.replace(/foreign ministry/i, n), ids);
  }
  // A person's or a city's name with its country.
  for (const id of keyOwners) {
    const e = ix.entityById.get(id);
    if (!e || (e.type !== "person" && !(e.type === "place" && /city/.test(e.category ?? "")))) continue;
    const country = countryForms(ix, id)[0];
    if (!country) continue;
    add(e.type === "person" ? `${e.name} of ${country}` : `${e.name}, ${country}`, new Set([id]));
  }
  const seen = new Set(accepted.map(normalizeAnswer));
  return out.filter((v) => {
    const k = normalizeAnswer(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).slice(0, MAX_PHRASINGS);
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
      out.push(`the ${d} side`, `${d} forces`, `${d} troops`, `the ${d} army`, `the ${d} military`, `${d} armed forces`);
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
