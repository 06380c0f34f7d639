import { type CorpusIndex } from "./corpus-index";

/**
 * What a stem says about the entity it asks for: "Which Russian minister …"
 * (a title and a country), "Which Kremlin official …" (a body), "Who was
 * Armenia's Acting Prime Minister …". A wrong option must fit it too, or the
 * stem gives the answer away ("Which Russian minister" offering Wang Yi).
 */
export type StemRole = {
  /** A role title the entity must hold (as `entities.yaml` gives its roles). */
  title?: RegExp;
  /** Place ids of the countries the entity must belong to. */
  countries?: string[];
  /** An entity id the answer must belong to (`partOf`) or name in its title: the Kremlin. */
  body?: string;
};

/** Role nouns a stem can use, and the titles that fit them. */
const ROLE_NOUNS: [RegExp, RegExp | null][] = [
  [/^acting prime minister$/i, /acting prime minister/i],
  [/^prime minister$/i, /prime minister/i],
  [/^foreign minister$/i, /foreign minister/i],
  [/^minister$/i, /minister/i],
  [/^president$/i, /president/i],
  [/^spokes(?:man|person|woman)$/i, /spokes/i],
  [/^leader$/i, /president|prime minister/i],
  [/^official$/i, null],
  // Bodies and outlets carry no title; only their country restricts them.
  [/^(?:body|ministry|outlet|government|forces?)$/i, null],
];

const WHICH =
  /^(?:According to (?:[^,]+, )?|With |To |From |By |For )?(?:[Ww]hich|[Ww]hat)\s+((?:[A-Z][\w-]*\s+){0,2})(acting prime minister|prime minister|foreign minister|minister|president|spokes(?:man|person|woman)|leader|official|body|ministry|outlet|government|forces?)\b/;
const WHO_WAS = /^Who was ([A-Z][\w-]*?)(?:'s)? ((?:Acting )?(?:Prime Minister|President|Foreign Minister|Spokesman))\b/;

/** The country place ids a word names: a demonym ("Russian", "Azeri") or a country's name ("Armenia"). */
function countriesOf(ix: CorpusIndex, word: string): string[] {
  const w = word.toLowerCase().replace(/'s$/, "");
  return ix.corpus.entities
    .filter((e) => e.type === "place" && e.demonym && (e.demonym.toLowerCase() === w || e.name.toLowerCase() === w || (w === "azeri" && e.demonym.toLowerCase() === "azerbaijani")))
    .map((e) => e.id);
}

function titleFor(noun: string): RegExp | undefined {
  for (const [re, title] of ROLE_NOUNS) if (re.test(noun)) return title ?? undefined;
  return undefined;
}

/**
 * The role a stem asks for, or null when it names none: only the head of
 * the question ("Which Russian minister …", "Who was Armenia's Acting Prime
 * Minister …"), never a role named elsewhere in the stem ("… with the
 * Armenian prime minister").
 */
export function stemRole(ix: CorpusIndex, stem: string): StemRole | null {
  const who = WHO_WAS.exec(stem);
  if (who) {
    const countries = countriesOf(ix, who[1] ?? "");
    return { title: titleFor(who[2] ?? ""), ...(countries.length ? { countries } : {}) };
  }
  const m = WHICH.exec(stem);
  if (!m) return null;
  const role: StemRole = {};
  const title = titleFor(m[2] ?? "");
  if (title) role.title = title;
  for (const adj of (m[1] ?? "").trim().split(/\s+/).filter(Boolean)) {
    if (/^kremlin$/i.test(adj)) role.body = "kremlin";
    const countries = countriesOf(ix, adj);
    if (countries.length) role.countries = countries;
  }
  return role.title || role.countries || role.body ? role : null;
}

/** The countries (place ids) an entity belongs to, through `partOf` and the country names its bodies go by. */
export function entityCountries(ix: CorpusIndex, entityId: string): Set<string> {
  const out = new Set<string>();
  for (const a of ix.ancestors.get(entityId) ?? []) {
    const e = ix.entityById.get(a);
    if (!e) continue;
    if (e.type === "place" && e.demonym) out.add(e.id);
    const names = new Set((ix.forms.get(a) ?? [e.name]).map((f) => f.toLowerCase()));
    for (const c of ix.corpus.entities) if (c.type === "place" && c.demonym && names.has(c.name.toLowerCase())) out.add(c.id);
  }
  return out;
}

/**
 * Whether an entity could be what the stem describes: it holds a role of
 * that title (any of its roles in `entities.yaml`), belongs to that country
 * and to that body. An entity with no such role is no fair wrong option.
 */
export function couldHoldRole(ix: CorpusIndex, entityId: string, role: StemRole): boolean {
  const e = ix.entityById.get(entityId);
  if (!e) return false;
  if (role.title) {
    const title = role.title;
    if (e.type !== "person" || !e.roles.some((r) => title.test(r.title))) return false;
  }
  if (role.countries) {
    const mine = entityCountries(ix, entityId);
    if (!role.countries.some((c) => mine.has(c))) return false;
  }
  if (role.body) {
    const body = ix.entityById.get(role.body);
    const inBody = ix.ancestors.get(entityId)?.has(role.body) ?? false;
    const titled = body ? e.roles.some((r) => r.title.toLowerCase().includes(body.name.toLowerCase())) : false;
    if (!inBody && !titled) return false;
  }
  return true;
}
