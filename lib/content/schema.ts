import { z } from "zod";

/**
 * The shape of the corpus as people write it in `content/`.
 *
 * Every fact is tied to one or more verbatim quotes; every date carries its
 * precision, and a date the article does not print in full is `inferred`
 * with the reason. Claims made by one party carry an `attribution`, and the
 * generator asks them only as "what X said", never as settled fact.
 */

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, single dashes)");

/** Precision of a date: what the source actually pins down. */
export const precisionSchema = z.enum(["day", "month", "year", "decade"]);
export type Precision = z.infer<typeof precisionSchema>;

/**
 * A date as the corpus states it.
 * - day: `YYYY-MM-DD`, month: `YYYY-MM`, year: `YYYY`, decade: `YYY0s` (e.g. `1980s`).
 * - `part` narrows a decade or year the way the article does ("late 1980s").
 * - `inferred: true` when the year (or the date) is not printed next to the
 *   event; `reason` then says how it was worked out (weekday check, events named…).
 */
export const whenSchema = z
  .object({
    date: z.string(),
    precision: precisionSchema,
    part: z.enum(["early", "mid", "late"]).optional(),
    inferred: z.boolean().default(false),
    reason: z.string().min(10).optional(),
    /**
     * The date is the first day of something the articles report going on
     * after it ("after a day of intense fighting"): it is stated and asked as
     * when it began ("… began on 19 September 2023"), never as the one day it
     * "took place", which a later day of it would make both true and false.
     */
    began: z.boolean().optional(),
  })
  .strict();
export type When = z.infer<typeof whenSchema>;

export const sourceRefSchema = z
  .object({
    source: idSchema,
    quote: z.string().min(8),
  })
  .strict();
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const numberSchema = z
  .object({
    value: z.number(),
    /** As printed: "more than 2,000". */
    text: z.string().min(1),
    /** "more than", "about", "at least" … when the source hedges. */
    qualifier: z.string().optional(),
    unit: z.string().min(1),
  })
  .strict();
export type FactNumber = z.infer<typeof numberSchema>;

export const attributionSchema = z
  .object({
    /** Entity ids of who asserts it (the Kremlin, Baku, Yerevan, Peskov …). */
    by: z.array(idSchema).min(1),
    /** How the source reports it: "said", "described it as", "accused", "denied". */
    verb: z.string().min(2),
  })
  .strict();
export type Attribution = z.infer<typeof attributionSchema>;

/**
 * How a sentence states an answer it does not print in so many words, said
 * in words for the student:
 * - `dateline`: the date or year comes from the article's date or dateline
 *   ("'On September 19' — 19 September 2023: TASS, 20 September 2023");
 * - `weekday`: a weekday named in the sentence ("'on Monday' — Monday was 2 November 2020");
 * - `relative-day`: "earlier in the day", "the same day", "at the same time";
 * - `coreference`: "the region", "the prime minister", "he" — named nearby;
 * - `naming`: the sentence names it in words that are not one of its forms
 *   ("the mediation group of the Organization for Security and Cooperation in Europe");
 * - `outlet`: the answer is the outlet whose own report the sentence is.
 */
export const evidenceStepKinds = ["dateline", "weekday", "relative-day", "coreference", "naming", "outlet"] as const;
export const evidenceStepSchema = z
  .object({
    kind: z.enum(evidenceStepKinds),
    /** The words of the sentence the step starts from, verbatim ("on Monday", "the region"). */
    words: z.string().min(2).optional(),
    /** The step in words; it names the answer ("Monday was 2 November 2020"). */
    means: z.string().min(8),
  })
  .strict();
export type EvidenceStep = z.infer<typeof evidenceStepSchema>;

/** One slot's evidence: the index of the fact's quote (in `sources`) that states it, and the step when one is needed. */
export const slotEvidenceSchema = z.union([
  z.number().int().min(0),
  z.object({ quote: z.number().int().min(0), step: evidenceStepSchema.optional() }).strict(),
]);
export type SlotEvidence = z.infer<typeof slotEvidenceSchema>;

/**
 * Which of a fact's quotes states each askable slot: its date, each entity of
 * `who` and `where`, each figure (by index), and the party of a claim (`by`,
 * the first of `attribution.by`), each quote read in its whole sentence of
 * the article. A slot left out here is stated by the first quote whose
 * sentence names it (see `slotEvidence`); content:check fails a slot that no
 * sentence names without a declared step.
 */
export const factEvidenceSchema = z
  .object({
    when: slotEvidenceSchema.optional(),
    who: z.record(idSchema, slotEvidenceSchema).optional(),
    where: z.record(idSchema, slotEvidenceSchema).optional(),
    numbers: z.array(slotEvidenceSchema).optional(),
    by: slotEvidenceSchema.optional(),
  })
  .strict();
export type FactEvidence = z.infer<typeof factEvidenceSchema>;

export const factKinds = [
  "phone-call",
  "meeting",
  "visit",
  "statement",
  "agreement",
  "military-operation",
  "hostilities",
  "ceasefire",
  "letter",
  "treaty",
  "negotiation",
  "mediation",
  "protest",
  "deployment",
  "evacuation",
  "humanitarian",
  "election",
  "claim",
  "background",
] as const;
export const factKindSchema = z.enum(factKinds);
export type FactKind = z.infer<typeof factKindSchema>;

/** Deck tags a fact can carry; decks are built from them by the seed. */
export const factTags = ["war-2020", "sept-2023", "calls-meetings", "background-treaties", "july-2021"] as const;
export const factTagSchema = z.enum(factTags);

export const factSchema = z
  .object({
    id: idSchema,
    /** One neutral sentence; a party's claim is written as that party's claim. */
    statement: z.string().min(10),
    /**
     * A definite noun phrase naming the event without giving away its date,
     * people, place or number, unique in the corpus: it is what question
     * stems are built from ("When did {label} take place?").
     */
    label: z.string().min(5),
    kind: factKindSchema,
    /**
     * `announced`: the article reports the event before it happens ("talks
     * will take place on Wednesday"); it is asked as announced, never as
     * having taken place, and never dated plainly in a timeline or matching.
     */
    status: z.enum(["announced"]).optional(),
    when: whenSchema.optional(),
    who: z.array(idSchema).default([]),
    where: z.array(idSchema).default([]),
    numbers: z.array(numberSchema).default([]),
    attribution: attributionSchema.optional(),
    contested: z.boolean().default(false),
    /**
     * The quotes name everyone who did it, so a multiple-choice who-question
     * can offer other people as provably wrong: one identified act with one
     * doer ("On October 31, Pashinyan sent a letter …"). Calls and signed
     * statements (participation kinds) are complete without it; any other
     * who-slot is typed only (see `whoProvable` in lib/generate/fact-slots.ts).
     */
    whoComplete: z.boolean().optional(),
    /** Facts that give another party's differing version of the same event. */
    conflictsWith: z.array(idSchema).default([]),
    /**
     * Optional hand-written question stems, one per askable field, used
     * instead of the template when the template would read badly.
     */
    ask: z
      .object({
        when: z.string().optional(),
        who: z.string().optional(),
        where: z.string().optional(),
        number: z.string().optional(),
        /**
         * For an attributed fact: the according-to-whom stem ("Which side
         * described …?"), when `ask.who` asks about the claim's content
         * instead ("According to RT, which government …?").
         */
        by: z.string().optional(),
      })
      .strict()
      .optional(),
    tags: z.array(factTagSchema).min(1),
    sources: z.array(sourceRefSchema).min(1),
    /** Per slot, the quote that states it (see `factEvidenceSchema`). */
    evidence: factEvidenceSchema.optional(),
  })
  .strict();
export type Fact = z.infer<typeof factSchema>;

/** A statement in an article that is deliberately not a fact, and why. */
export const exclusionSchema = z
  .object({ source: idSchema, quote: z.string().min(8), reason: z.string().min(10) })
  .strict();
export type Exclusion = z.infer<typeof exclusionSchema>;

export const factFileSchema = z
  .object({ facts: z.array(factSchema), excluded: z.array(exclusionSchema).default([]) })
  .strict();

export const roleSchema = z
  .object({
    title: z.string().min(2),
    /** Where the articles show it: the first and last date the role is attested. */
    from: z.string().optional(),
    to: z.string().optional(),
    note: z.string().optional(),
    /**
     * The article and the verbatim words that give the person this role
     * ("Armenia's Acting Prime Minister Nikol Pashinyan"). A role without a
     * quote is never asked about.
     */
    source: idSchema.optional(),
    quote: z.string().min(8).optional(),
  })
  .strict();
export type Role = z.infer<typeof roleSchema>;

export const entityTypes = ["person", "organisation", "place"] as const;
export const entitySchema = z
  .object({
    id: idSchema,
    type: z.enum(entityTypes),
    name: z.string().min(2),
    aliases: z.array(z.string().min(1)).default([]),
    /** Place: country, region, city, corridor, province; organisation: government, ministry, outlet … */
    category: z.string().optional(),
    roles: z.array(roleSchema).default([]),
    /** Country or body the entity belongs to (an entity id), for sensible distractors. */
    partOf: idSchema.optional(),
    /**
     * On a place whose status the parties dispute (Nagorno-Karabakh): the
     * places it may or may not be part of (Azerbaijan). Neither it (nor a place
     * in it) nor they are ever offered as a wrong answer where the other is
     * right, because that would take a side.
     */
    disputedWith: z.array(idSchema).optional(),
    /**
     * Places that may share ground with this one, or whose relation the
     * articles do not settle (the Lachin Corridor and Nagorno-Karabakh): not
     * provably different, so never each other's wrong answer.
     */
    overlaps: z.array(idSchema).optional(),
    /**
     * Parties the articles show on this one's side ("Turkey, a long-time ally
     * of Azerbaijan"; "the Armenia-backed Nagorno-Karabakh"), with the words
     * that say so. An ally could have said or done the same, so neither is
     * ever offered as the other's wrong answer ("Which side called it an act
     * of aggression?" never offers the Nagorno-Karabakh authorities).
     */
    alignedWith: z.array(z.object({ entity: idSchema, source: idSchema, quote: z.string().min(8) }).strict()).optional(),
    /**
     * Descriptions the articles give that fit this entity alone ("a long-time
     * ally of Azerbaijan"): a stem or a cloze that prints one next to the
     * asked slot gives the answer away, so none does.
     */
    descriptors: z.array(z.object({ words: z.string().min(4), source: idSchema }).strict()).optional(),
    /** For a country: the adjective the articles use ("Russian"), so "Russian" or "Russia" answers "Whose peacekeepers …?". */
    demonym: z.string().min(2).optional(),
  })
  .strict();
export type Entity = z.infer<typeof entitySchema>;
export const entityFileSchema = z.object({ entities: z.array(entitySchema) }).strict();

export const sourceFrontMatterSchema = z
  .object({
    slug: idSchema,
    outlet: z.string().min(2),
    /** The outlet the text credits when it republishes another's report (Asbarez quoting Azatutyun). */
    via: z.string().optional(),
    headline: z.string().min(5),
    /** The publication date exactly as printed (or "not printed"). */
    datePrinted: z.string().min(1),
    published: whenSchema,
    dateline: z.string().optional(),
    seedFile: z.string().min(1),
    /** What page chrome was removed from the seed text. */
    removed: z.array(z.string()).default([]),
  })
  .strict();
export type SourceFrontMatter = z.infer<typeof sourceFrontMatterSchema>;

export type Source = SourceFrontMatter & { body: string };

export type Corpus = {
  sources: Source[];
  entities: Entity[];
  facts: Fact[];
  excluded: Exclusion[];
};
