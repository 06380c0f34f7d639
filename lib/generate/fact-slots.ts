import type { Fact, FactNumber, When } from "@/lib/content/schema";
import { formatWhen } from "@/lib/content/when";
import { formatNumber } from "@/lib/quiz/answers-text";
import { hedgeOf } from "./truth-check";
import {
  type CorpusIndex,
  claimParty,
  descriptorIn,
  entityName,
  isClaim,
  joinNames,
  sentenceCase,
  textMentions,
} from "./corpus-index";

/** Kinds for which "take place" reads naturally; the rest are dated or located, not "held". */
const EVENT_KINDS = new Set<Fact["kind"]>([
  "phone-call", "meeting", "visit", "military-operation", "hostilities", "negotiation",
  "mediation", "protest", "deployment", "evacuation", "humanitarian", "election", "ceasefire",
]);

/**
 * Kinds whose `who` are the participants, with the verb a true/false
 * statement and a template stem use: "X took part in {label}", "X signed
 * {label}". Other kinds list people in other capacities (who is blamed, who
 * gave support, who coordinates), so they get no participation statement and
 * are asked about people only by hand-written stems.
 */
const PARTICIPATION: Partial<Record<Fact["kind"], string>> = {
  "phone-call": "took part in",
  meeting: "took part in",
  visit: "took part in",
  negotiation: "took part in",
  agreement: "signed",
  treaty: "signed",
};

/** Kinds whose participants the articles need not list in full (talks, meetings, visits). */
const MULTI_PARTY = new Set<Fact["kind"]>(["meeting", "visit", "negotiation"]);

/** "signed the signing of the joint statement" → "signed the joint statement". */
function participationObject(verb: string, label: string): string {
  return verb === "signed" ? label.replace(/^the signing of /i, "") : label;
}

/** The participation verb for `fact`, when its `who` are all people who took part in it. */
export function participationVerb(ix: CorpusIndex, fact: Fact): string | null {
  const verb = PARTICIPATION[fact.kind];
  if (!verb || fact.who.length === 0) return null;
  return fact.who.every((id) => ix.entityById.get(id)?.type === "person") ? verb : null;
}

export function isEventKind(kind: Fact["kind"]): boolean {
  return EVENT_KINDS.has(kind);
}

/**
 * The verb a dated statement uses for a fact of each kind, where "took
 * place" would read wrong: a ceasefire "was reached", a joint statement
 * "was signed", a letter "was sent", a report "was made", a treaty "dates
 * from" a year, a background development "came" in a decade. Other event
 * kinds "took place"; the rest (statements) are "The date of … is …".
 */
const DATED_VERB: Partial<Record<Fact["kind"], string>> = {
  ceasefire: "was reached",
  agreement: "was signed",
  letter: "was sent",
  evacuation: "was made",
  treaty: "dates from",
  background: "came",
};

/** "took place" / "was reached" …: the verb that dates a fact of `kind` (`DATED_VERB`), or null for "The date of … is …". */
export function datedVerb(kind: Fact["kind"]): string | null {
  return DATED_VERB[kind] ?? (isEventKind(kind) ? "took place" : null);
}

/** "on 9 November 2020" → "9 November 2020" after a verb that takes its own preposition ("dates from 1997"). */
function datedValue(verb: string, value: string): string {
  return verb === "dates from" ? value.replace(/^(on|in) /, "") : value;
}

/** Whether the articles report the event only as announced ("will take place"), not as having happened. */
export function isAnnounced(fact: Fact): boolean {
  return fact.status === "announced";
}

type SlotBase = {
  fact: Fact;
  /** Stable within a fact: `when`, `who:<entity>`, `where:<entity>`, `number:<i>`. */
  key: string;
  /** The typed-answer / flashcard stem, already in attributed form for claims. */
  stem: string;
  /** The multiple-choice stem (differs when several values are true). */
  mcStem: string;
  answer: string;
  accepted: string[];
};

export type WhenSlot = SlotBase & { field: "when"; when: When };
export type EntitySlot = SlotBase & {
  field: "who" | "where";
  entityId: string;
  /** Every entity the stem is true of (all of the fact's places for a "name one place" stem). */
  trueIds: string[];
  /** For a who-slot of a participation kind: the verb of its true/false statement ("took part in"). */
  participation?: string;
  /** No multiple-choice form: a wrong option could not be shown false ("Name one place connected with …"). */
  typedOnly?: boolean;
};
export type NumberSlot = SlotBase & { field: "number"; number: FactNumber; index: number };
export type Slot = WhenSlot | EntitySlot | NumberSlot;

const QUESTION_WORD = /^(when|who|whom|whose|what|where|which|how|in what|on what)\b/i;

/**
 * Whether a hand-written stem asks about a claim's content in attributed form
 * ("According to RT, which government …?") rather than about who made it
 * ("According to which Russian body …?", "Who said …?").
 */
export function isContentStem(stem: string): boolean {
  return /^according to (?!which\b|whom\b)/i.test(stem);
}

/** Whether a stem names one of the fact's attributing parties. */
export function namesParty(ix: CorpusIndex, fact: Fact, stem: string): boolean {
  return (fact.attribution?.by ?? []).some((b) => textMentions(ix, stem, b));
}

/**
 * Puts a stem in attributed form for a claim: "According to Baku, how many …".
 * A stem that already attributes ("… according to …") or names the party
 * ("How many civilians did Putin say …") is kept as it is, so nothing is
 * attributed twice.
 */
export function attributed(ix: CorpusIndex, fact: Fact, stem: string): string {
  if (!isClaim(fact) || /\baccording to\b/i.test(stem) || namesParty(ix, fact, stem)) return stem;
  const party = claimParty(ix, fact);
  return QUESTION_WORD.test(stem)
    ? `According to ${party}, ${stem.charAt(0).toLowerCase()}${stem.slice(1)}`
    : `According to ${party}: ${stem}`;
}

/**
 * Whether a fact's date can be shown next to its bare label — in a timeline,
 * a date ↔ event matching — as the date of that event. For a claim only when
 * the date is that of the saying (its `ask.when` names the party: "When did
 * the Kremlin say …") or the label itself credits the party ("the offensive
 * after which, according to RT, …"). A date that belongs to the claim's
 * content ("According to the Kremlin, on what date were the negotiations …
 * to take place?") would otherwise be taught as settled fact, and a claim
 * with no `ask.when` is never dated plainly.
 */
export function dateStatedPlainly(ix: CorpusIndex, fact: Fact): boolean {
  // An announced date is the date it was set for, not that of an event that took place.
  if (!fact.when || isAnnounced(fact)) return false;
  if (!isClaim(fact)) return true;
  if (/\baccording to\b/i.test(fact.label) || namesParty(ix, fact, fact.label)) return true;
  const hand = fact.ask?.when;
  return hand !== undefined && !isContentStem(hand) && namesParty(ix, fact, hand);
}

/** The typed forms of a date key: as printed, and the corpus form unless that says less ("1980s" for "the late 1980s"). */
function dateForms(when: When): string[] {
  return when.part ? [formatWhen(when)] : [formatWhen(when), when.date];
}

/**
 * Whether a wrong person or body can be shown false for the fact's who-slot:
 * its `who` are the participants of a call or the signers of a statement
 * (a participation kind, all of them people, listed in full by the quote),
 * or the fact says `whoComplete` — one identified act with one doer ("the
 * letter Pashinyan sent"). Otherwise "Which government gave support …" or
 * "Who pledged to lay down arms …" offering another government is false only
 * because the article does not mention it, so the slot is typed only.
 */
function whoProvable(ix: CorpusIndex, fact: Fact): boolean {
  if (fact.whoComplete) return true;
  return participationVerb(ix, fact) !== null && !MULTI_PARTY.has(fact.kind);
}

/** "on 9 November 2020", "in September 2020", "in 1994", "in the late 1980s". */
export function onWhen(when: Pick<When, "date" | "precision" | "part">): string {
  return `${when.precision === "day" ? "on" : "in"} ${formatWhen(when)}`;
}

export function numberForms(n: FactNumber): string[] {
  const plain = String(n.value);
  return [...new Set([n.text, formatNumber(n.value), plain, `${n.text} ${n.unit}`])];
}

/**
 * The fields of a fact a question or card can ask about, each with its stem
 * and answer. Multi-person facts get one who-slot per member, the others
 * named in the stem ("Who, together with Vladimir Putin, took part in …?")
 * so exactly one person answers it. A hand-written `ask.who` is used when it
 * names every member but one (that one is the answer); on a claim it is kept
 * for the according-to-whom question instead.
 */
export function factSlots(ix: CorpusIndex, fact: Fact): Slot[] {
  const key = `slots\u0000${fact.id}`;
  const hit = ix.memo.get(key) as Slot[] | undefined;
  if (hit) return hit;
  const slots = computeSlots(ix, fact);
  ix.memo.set(key, slots);
  return slots;
}

/**
 * A hand-written when/where stem of a claim is usable when it attributes
 * ("According to the Kremlin, on what date …": the date is part of the
 * claim) or names the party ("When did the Kremlin say …": the date of the
 * saying, which the outlet reports). Templates are never used for them: a
 * template cannot tell the two apart.
 */
function claimStemOk(ix: CorpusIndex, fact: Fact, stem: string | undefined): stem is string {
  return stem !== undefined && (/\baccording to\b/i.test(stem) || namesParty(ix, fact, stem));
}

/**
 * For a stem that asks for the entity by its own category ("… which
 * mediation group …?"), the forms of the organisation it belongs to: "the
 * OSCE" names the OSCE's mediation group just as well. Not for other stems:
 * "Russia" does not answer "Which Russian body …?".
 */
function parentForms(ix: CorpusIndex, entityId: string, stem: string): string[] {
  const e = ix.entityById.get(entityId);
  const parent = e?.partOf ? ix.entityById.get(e.partOf) : undefined;
  if (!e?.category || parent?.type !== "organisation") return [];
  const asks = new RegExp(`\\b(?:which|what)\\s+${e.category.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
  return asks.test(stem) ? (ix.forms.get(parent.id) ?? [parent.name]) : [];
}

/**
 * For a "Whose …?" stem about an organisation of a state (the Russian
 * peacekeeping contingent): the country, its demonym and possessive, which
 * answer the question just as well ("Russia", "Russian", "Russia's").
 */
export function countryForms(ix: CorpusIndex, entityId: string): string[] {
  const out: string[] = [];
  for (const a of ix.ancestors.get(entityId) ?? []) {
    if (a === entityId) continue;
    const names = new Set((ix.forms.get(a) ?? []).map((f) => f.toLowerCase()));
    for (const c of ix.corpus.entities) {
      if (c.type !== "place" || !c.demonym || !names.has(c.name.toLowerCase())) continue;
      out.push(c.name, `${c.name}'s`, c.demonym);
    }
  }
  return out;
}

/**
 * The key of a "Whose <noun> …?" stem whose noun is the organisation itself
 * ("Whose peacekeepers …?" of the Russian peacekeeping contingent): the
 * state's possessive, "Russia's", which is what the question asks. When the
 * noun is a part of it ("Whose command …?" of the contingent), the
 * organisation's own name stays the key.
 */
function whoseKey(ix: CorpusIndex, entityId: string, stem: string, countries: string[]): string | null {
  const noun = /^whose\s+(\p{L}+)/iu.exec(stem)?.[1]?.toLowerCase();
  if (!noun) return null;
  const itself = (ix.forms.get(entityId) ?? []).some((f) => f.toLowerCase().split(/\s+/).includes(noun));
  return itself ? (countries.find((f) => f.endsWith("'s")) ?? null) : null;
}

function computeSlots(ix: CorpusIndex, fact: Fact): Slot[] {
  const slots: Slot[] = [];
  const label = fact.label;
  const event = isEventKind(fact.kind);
  const claim = isClaim(fact);
  if (fact.when) {
    const hand = fact.ask?.when;
    const template = isAnnounced(fact) ? `What date was announced for ${label}?` : fact.when.began ? `When did ${label} begin?` : event ? `When did ${label} take place?` : `What is the date of ${label}?`;
    const stem = claim ? (claimStemOk(ix, fact, hand) ? hand : undefined) : hand ?? template;
    if (stem !== undefined) {
      slots.push({ field: "when", fact, key: "when", stem, mcStem: stem, answer: formatWhen(fact.when), accepted: dateForms(fact.when), when: fact.when });
    }
  }
  const by = fact.attribution?.by ?? [];
  const plain = claim ? null : participationVerb(ix, fact);
  // Talks that were announced are asked as such: "Who … was to take part in …", never "took part in".
  const verb = plain && isAnnounced(fact) ? `was to ${plain === "signed" ? "sign" : "take part in"}` : plain;
  for (const id of fact.who) {
    const entity = ix.entityById.get(id);
    if (!entity) continue;
    const others = fact.who.filter((o) => o !== id);
    let stem: string | undefined;
    const hand = fact.ask?.who;
    // A claim's speaker is asked by according-to-whom; its content only in a
    // stem that itself says whose account it is.
    const handOk = hand !== undefined && (!claim || (isContentStem(hand) && !by.includes(id)));
    if (handOk) {
      const unnamed = fact.who.filter((o) => !textMentions(ix, hand, o));
      if (unnamed.length === 1 && unnamed[0] === id) stem = hand;
    }
    if (!stem && verb) {
      const object = participationObject(plain ?? verb, label);
      stem = others.length ? `Who, together with ${joinNames(others.map((o) => entityName(ix, o)))}, ${verb} ${object}?` : `Who ${verb} ${object}?`;
    }
    if (!stem) continue;
    // A stem (label) that names the answer, or describes it as only it could be, gives it away.
    if (textMentions(ix, stem, id) || descriptorIn(ix, stem, id)) continue;
    const whose = /^whose\b/i.test(stem) ? countryForms(ix, id) : [];
    const accepted = [...(ix.forms.get(id) ?? [entity.name]), ...whose, ...parentForms(ix, id, stem)];
    slots.push({
      field: "who",
      fact,
      key: `who:${id}`,
      stem,
      mcStem: stem,
      answer: whoseKey(ix, id, stem, whose) ?? entityName(ix, id),
      accepted: [...new Set(accepted)],
      entityId: id,
      trueIds: [id],
      ...(verb ? { participation: verb } : {}),
      // Aides may attend talks and meetings without the article saying so: a wrong name there is only
      // "not mentioned" ("Whom was Putin meeting …?" offering Lavrov), so they are asked by typing.
      // Nor is a wrong option to a claim's content shown false: RT calling Turkey Azerbaijan's ally says
      // nothing of Russia ("According to RT, which government is a long-time ally …?" is typed).
      // And a wrong option to any other who-stem needs the act to have one provable doer (`whoProvable`).
      ...(MULTI_PARTY.has(fact.kind) || claim || !whoProvable(ix, fact) ? { typedOnly: true } : {}),
    });
  }
  const places = fact.where.filter((id) => ix.entityById.has(id));
  const handWhere = fact.ask?.where;
  // A hand-written stem names every place but the one it asks for ("Besides the engagement line in Nagorno-Karabakh, along which corridor …").
  const unnamed = handWhere === undefined ? places : places.filter((p) => !textMentions(ix, handWhere, p));
  const asked = handWhere !== undefined && unnamed.length === 1 ? unnamed : places;
  const first = asked[0];
  const many = asked.length > 1;
  let placeStem: string | undefined;
  let mcStem: string | undefined;
  if (claim) {
    if (!many && claimStemOk(ix, fact, handWhere)) placeStem = mcStem = handWhere;
  } else if (many && asked.length === 2 && handWhere !== undefined && unnamed.length === 2 && /\btwo\b/i.test(handWhere)) {
    // "Near which two provinces …?": both are the answer, typed in either order.
    const [a, b] = asked as [string, string];
    const pairs = (ix.forms.get(a) ?? []).flatMap((x) => (ix.forms.get(b) ?? []).flatMap((y) => [`${x} and ${y}`, `${y} and ${x}`]));
    slots.push({ field: "where", fact, key: `where:${a}`, stem: handWhere, mcStem: "", answer: joinNames([entityName(ix, a), entityName(ix, b)]), accepted: pairs, entityId: a, trueIds: places, typedOnly: true });
  } else if (many) {
    // "Connected with" cannot be shown false for a wrong option: several places are asked by typing
    // only, and only where they are where the event took place (no template reads well for the rest).
    if (event && !isAnnounced(fact)) placeStem = `Name one place where ${label} took place.`;
  } else {
    placeStem = mcStem = handWhere ?? (event && !isAnnounced(fact) ? `Where did ${label} take place?` : `Which place does ${label} concern?`);
  }
  const shown = [placeStem, mcStem].filter((t): t is string => t !== undefined);
  if (first !== undefined && placeStem && !asked.some((p) => shown.some((t) => textMentions(ix, t, p) || descriptorIn(ix, t, p)))) {
    slots.push({
      field: "where",
      fact,
      key: `where:${first}`,
      stem: placeStem,
      mcStem: mcStem ?? "",
      answer: entityName(ix, first),
      accepted: asked.flatMap((p) => ix.forms.get(p) ?? []),
      entityId: first,
      trueIds: places,
      ...(mcStem === undefined ? { typedOnly: true } : {}),
    });
  }
  fact.numbers.forEach((n, i) => {
    const s = hedgeOf(n) !== "exact" ? figureStem(ix, fact, fact.numbers.length > 1 ? n.unit : undefined) : attributed(ix, fact, (fact.numbers.length === 1 ? fact.ask?.number : undefined) ?? `What figure is given for the number of ${n.unit} in ${label}?`);
    slots.push({ field: "number", fact, key: `number:${i}`, stem: s, mcStem: s, answer: n.text, accepted: numberForms(n), number: n, index: i });
  });
  return slots;
}

/**
 * The stem of a hedged figure ("more than 2,000"): asked as what the source
 * said — "What figure did Vladimir Putin give for …?" — since a wrong option
 * such as "more than 1,500" could not be shown false about the world, only
 * about what was said.
 */
function figureStem(ix: CorpusIndex, fact: Fact, unit?: string): string {
  // A fact with several figures names the one asked: "… for the number of children in …".
  const object = unit ? `the number of ${unit} in ${fact.label}` : fact.label;
  if (isClaim(fact)) return `What figure did ${claimParty(ix, fact)} give for ${object}?`;
  const slug = fact.sources[0]?.source ?? "";
  return `What figure does ${ix.sourceBySlug.get(slug)?.outlet ?? "the article"} give for ${object}?`;
}

/** A label without its " in 2020" / " of 2023" (the fact's own year), when a full date follows it. */
function withoutYearPhrase(label: string, year: string): string {
  const out = label.replace(new RegExp(`\\s+(?:in|of) ${year}\\b`), "");
  return out.trim().length >= 12 ? out : label;
}

/**
 * A plain statement for true/false, with `value` in the slot's field, or null
 * when the slot cannot be stated plainly. Only dates are: a dated event has
 * one date, so the article that gives it shows any other date false. A
 * statement about who took part or where it was ("Dmitry Peskov, together
 * with Nikol Pashinyan, took part in …") can only be false because the
 * article does not mention it, and "not mentioned" is not "false". Claims are
 * never stated plainly; an announced event is stated as announced ("The date
 * announced for … was …"). Sentences start with a capital.
 */
export function slotStatement(ix: CorpusIndex, slot: Slot, value: string): string | null {
  if (isClaim(slot.fact) || slot.field !== "when") return null;
  const bare = value.replace(/^(on|in) /, "");
  // "The outbreak … in 2020 took place on 27 September 2020" says the year twice, and against a wrong
  // year ("… in 2020 took place on 27 September 2019") it contradicts itself: the date says the year.
  const year = slot.fact.when?.date.slice(0, 4);
  const label = year && /\b\d{4}\b/.test(bare) ? withoutYearPhrase(slot.fact.label, year) : slot.fact.label;
  if (isAnnounced(slot.fact)) return `The date announced for ${label} was ${bare}.`;
  // Something that went on for days is dated by its start: "took place on" its first day would be half true.
  if (slot.fact.when?.began) return `${sentenceCase(label)} began ${value}.`;
  const verb = datedVerb(slot.fact.kind);
  return verb ? `${sentenceCase(label)} ${verb} ${datedValue(verb, value)}.` : `The date of ${label} is ${bare}.`;
}
