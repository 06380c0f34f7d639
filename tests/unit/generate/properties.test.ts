import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Corpus, Fact } from "@/lib/content/schema";
import { generate } from "@/lib/generate/generate";
import type { Question } from "@/lib/generate/question";
import { parseDateAnswer } from "@/lib/quiz/answers-date";
import { normalizeAnswer, parseNumberAnswer } from "@/lib/quiz/answers-text";
import { gradeAnswer } from "@/lib/quiz/grade";
import { corpora, stressCorpus } from "./corpora";
import { makeOracle, type Oracle } from "./oracle";

const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const PARTICIPATION_KINDS = new Set(["phone-call", "meeting", "visit", "negotiation", "agreement", "treaty"]);

/** Ordinary ways a student may type the date of a typed-date question. */
function dateForms(q: Question): string[] {
  const d = q.date ?? "";
  if (q.precision === "day") {
    const [y, m, day] = d.split("-").map(Number) as [number, number, number];
    return [`${day} ${LONG[m - 1]} ${y}`, `${SHORT[m - 1]} ${day}, ${y}`, d, `${LONG[m - 1]} ${day}th ${y}`];
  }
  if (q.precision === "month") {
    const [y, m] = d.split("-").map(Number) as [number, number];
    return [`${LONG[m - 1]} ${y}`, `${SHORT[m - 1]} ${y}`, d];
  }
  if (q.precision === "year") return [d];
  return [q.part ? `${q.part} ${d}` : d, `the ${q.part ? `${q.part} ` : ""}${d}`];
}

const isClaim = (f: Fact): boolean => f.contested || f.attribution !== undefined;

/** The outlet a cloze credits ("According to RT: …" / "According to RT, reporting …"), after any rival account it opens with. */
function creditedOutlet(prompt: string): string {
  return /^Fill in the blank\. (?:[^“]*?[.!?] )?According to ([^:,]+)(?::|, reporting [^:]*:) “/.exec(prompt)?.[1] ?? "";
}

function checkClaimForm(o: Oracle, q: Question, f: Fact, ctx: string): void {
  const by = f.attribution?.by ?? [];
  expect(q.type, ctx).not.toBe("true-false");
  if (q.type === "according-to-whom" || (q.type === "matching" && q.about === "person-role")) return;
  if (q.type === "timeline" || q.type === "matching") {
    // Shown beside its bare label, the date must be the date of the saying
    // (the hand-written date stem names the party) unless the label credits it.
    expect(f.contested, `${ctx}: a contested fact dated plainly`).toBe(false);
    const hand = f.ask?.when ?? "";
    const ofSaying = hand !== "" && !/^according to/i.test(hand) && by.some((b) => o.names(hand, b));
    const labelCredits = /\baccording to\b/i.test(f.label) || by.some((b) => o.names(f.label, b));
    expect(ofSaying || labelCredits, `${ctx}: ${f.id}'s date is part of the claim, shown as plain fact`).toBe(true);
    return;
  }
  if (q.type === "cloze") {
    // The party is named (an outlet that is itself the party is named by the credit), and is never the blank.
    expect(creditedOutlet(q.prompt), ctx).not.toBe("");
    const named = by.some((b) => o.names(q.prompt, b));
    expect(named, `${ctx}: names no party of ${by.join(", ")}`).toBe(true);
    for (const b of by) expect(o.names(String(q.answer), b), `${ctx}: the blank is the party`).toBe(false);
    return;
  }
  // A claim's date, place, figure or content is asked as the party's account: the stem attributes or names the party.
  const attributed = /\baccording to\b/i.test(q.prompt) || by.some((b) => o.names(q.prompt, b));
  expect(attributed, `${ctx}: not in attributed form`).toBe(true);
  expect((q.prompt.match(/\baccording to\b/gi) ?? []).length, `${ctx}: attributed twice`).toBeLessThanOrEqual(1);
}

function checkWrongOptions(o: Oracle, q: Question, f: Fact, ctx: string): void {
  const wrong = (q.options ?? []).filter((x) => x !== q.answer);
  if (q.about === "when") {
    for (const x of q.options ?? []) expect(parseDateAnswer(x).ok, `${ctx} option ${x}`).toBe(true);
    for (const x of wrong) expect(o.dateCouldBeTrue(f, x), `${ctx}: wrong date ${x} could be true`).toBe(false);
  }
  if (q.about === "number") {
    const unit = f.numbers.find((n) => n.text === q.answer)?.unit ?? "";
    for (const x of q.options ?? []) expect(parseNumberAnswer(x), `${ctx} option ${x}`).not.toBeNull();
    for (const x of wrong) expect(o.numberCouldBeTrue(String(q.answer), x, unit), `${ctx}: wrong figure ${x} could be true`).toBe(false);
  }
  if (q.about === "who" || q.about === "where" || q.about === "claim") {
    const field = q.about === "where" ? "where" : "who";
    const answer = o.entityNamed(String(q.answer), field);
    expect(answer, `${ctx}: answer is not an entity`).toBeDefined();
    if (!answer) return;
    for (const x of wrong) {
      const e = o.entityNamed(x, field);
      expect(e, `${ctx}: option ${x} is not an entity`).toBeDefined();
      if (!e) continue;
      expect(o.category(e), `${ctx}: option ${x} is not of the answer's fine category`).toBe(o.category(answer));
      expect(o.names(q.prompt, e.id), `${ctx}: the stem names option ${x}`).toBe(false);
      if (q.about === "claim") expect(o.partyCouldMakeClaim(f, e.id), `${ctx}: ${x} could have made the claim`).toBe(false);
      else expect(o.entityCouldBeTrue(f, e.id, q.prompt), `${ctx}: wrong option ${x} could be true`).toBe(false);
    }
  }
}

/**
 * A true/false statement, read back: the value it claims (a date, a person or
 * a place) is the fact's own when the answer is True, and no fact makes it
 * true when the answer is False.
 */
function checkTrueFalse(o: Oracle, q: Question, f: Fact, ctx: string): void {
  const statement = q.prompt.replace(/^True or false\? /, "");
  expect(statement, `${ctx}: starts with a capital`).toMatch(/^[A-Z]/);
  expect(isClaim(f), `${ctx}: a claim stated as plain fact`).toBe(false);
  const truth = q.answer === "True";
  if (q.about === "when") {
    const m = /(?: (?:took place|began|was reached|was signed|was sent|was made|came) (?:on|in) | dates from | is | was )([^.]*(?:\d{4}s?))\.$/.exec(statement);
    expect(m, `${ctx}: no date found`).not.toBeNull();
    const printed = m?.[1] ?? "";
    if (truth) expect(o.dateIsFacts(f, printed), `${ctx}: "True" but ${printed} is not the fact's date`).toBe(true);
    else expect(o.dateCouldBeTrue(f, printed), `${ctx}: "False" but ${printed} could be true`).toBe(false);
    return;
  }
  if (q.about === "who") {
    const m = /^(.+?)(?:, together with (.+),)? (took part in|signed) (.+)\.$/.exec(statement);
    expect(m, `${ctx}: not a participation statement`).not.toBeNull();
    const e = o.entityNamed(m?.[1] ?? "", "who");
    expect(e, `${ctx}: no entity claimed`).toBeDefined();
    expect(PARTICIPATION_KINDS.has(f.kind), `${ctx}: ${f.kind} is not a participation kind`).toBe(true);
    if (!e) return;
    if (truth) expect(f.who, `${ctx}: "True" but ${e.id} did not take part`).toContain(e.id);
    else expect(o.entityCouldBeTrue(f, e.id, f.label), `${ctx}: "False" but ${e.id} could have taken part`).toBe(false);
    return;
  }
  if (q.about === "where") {
    const m = /(?: took place in |^The place of .+ is )(.+)\.$/.exec(statement);
    const e = o.entityNamed(m?.[1] ?? "", "where");
    expect(e, `${ctx}: no place claimed`).toBeDefined();
    if (!e) return;
    if (truth) expect(f.where, `${ctx}: "True" but ${e.id} is not the place`).toContain(e.id);
    else expect(o.entityCouldBeTrue(f, e.id, f.label), `${ctx}: "False" but ${e.id} could be the place`).toBe(false);
    return;
  }
  throw new Error(`${ctx}: true/false about ${q.about}`);
}

/**
 * A cloze has one answer box, so its answer, put in every blank, must give
 * back the quote: "raging in _____ of _____" (the disputed region / Nagorno-
 * Karabakh) cannot be filled by any one answer.
 */
function checkClozeFills(q: Question, ctx: string): void {
  const quoted = /“([\s\S]*)”$/.exec(q.prompt)?.[1] ?? "";
  expect(quoted, `${ctx}: no blank`).toContain("_____");
  const filled = quoted.split("_____").join(String(q.answer));
  const fold = (t: string): string => t.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
  expect(fold(filled), `${ctx}: the answer does not fill every blank`).toBe(fold(q.sources[0]?.quote ?? ""));
}

function checkPersonRole(corpus: Corpus, q: Question, ctx: string): void {
  for (const pair of q.answer as { left: string; right: string }[]) {
    const person = corpus.entities.find((e) => e.name === pair.left);
    const role = person?.roles.find((r) => r.title === pair.right && r.quote && q.sources.some((s) => s.slug === r.source && s.quote === r.quote));
    expect(role, `${ctx}: ${pair.left} = ${pair.right} is not cited with the role's own quote`).toBeDefined();
    const body = corpus.sources.find((s) => s.slug === role?.source)?.body ?? "";
    expect(body.replace(/[’‘]/g, "'"), ctx).toContain((role?.quote ?? "").replace(/[’‘]/g, "'"));
  }
}

function checkQuestion(corpus: Corpus, o: Oracle, q: Question): void {
  const ctx = `${q.id} ${q.type}: ${q.prompt}`;
  const facts = q.factIds.map((id) => o.fact(id));
  const f = facts[0] as Fact;
  expect(q.sources.length, ctx).toBeGreaterThan(0);
  expect(q.explanation, ctx).toContain(`/sources/${q.sources[0]?.slug}#${q.factIds[0]}`);

  for (const g of facts) if (isClaim(g)) checkClaimForm(o, q, g, ctx);

  if (["multiple-choice", "short-answer", "typed-date", "according-to-whom"].includes(q.type)) {
    expect(` ${normalizeAnswer(q.prompt)} `, `${ctx}: the stem prints its answer`).not.toContain(` ${normalizeAnswer(String(q.answer))} `);
  }

  if (q.options && typeof q.answer === "string" && q.type !== "timeline") {
    const norm = q.options.map(normalizeAnswer);
    expect(new Set(norm).size, ctx).toBe(norm.length);
    expect(q.options, ctx).toContain(q.answer);
    // Exactly one option grades correct.
    expect(q.options.filter((x) => gradeAnswer(q, x).correct), ctx).toEqual([q.answer]);
    if (q.type === "multiple-choice") expect([3, 4], ctx).toContain(q.options.length);
    if (q.type === "multiple-choice" || q.type === "according-to-whom") checkWrongOptions(o, q, f, ctx);
  }

  if (q.type === "true-false") checkTrueFalse(o, q, f, ctx);
  if (q.type === "cloze") checkClozeFills(q, ctx);
  if (q.type === "matching" && q.about === "person-role") checkPersonRole(corpus, q, ctx);

  // Every accepted form grades correct; typed dates in every ordinary form.
  if (typeof q.answer === "string" && !q.options) {
    expect(gradeAnswer(q, q.answer).correct, `${ctx} answer`).toBe(true);
    for (const a of q.acceptedAnswers ?? []) expect(gradeAnswer(q, a).correct, `${ctx} accepted ${a}`).toBe(true);
  }
  if (q.type === "typed-date") for (const s of dateForms(q)) expect(gradeAnswer(q, s).correct, `${ctx} form ${s}`).toBe(true);
  if (q.type === "timeline") {
    const a = q.answer as string[];
    expect(a.length, ctx).toBeGreaterThanOrEqual(4);
    expect(a.length, ctx).toBeLessThanOrEqual(6);
    expect(gradeAnswer(q, a).correct, ctx).toBe(true);
    expect(gradeAnswer(q, q.options).correct, ctx).toBe(false);
  }
  if (q.type === "matching") expect(gradeAnswer(q, q.answer).correct, ctx).toBe(true);
}

describe("wrong dates avoid another fact of the same kind with the same people (stress fixture)", () => {
  it("never offers 3 November for the call of 1 November, or the reverse", () => {
    const corpus = stressCorpus();
    const oracle = makeOracle(corpus);
    let seen = 0;
    for (let seed = 1; seed <= 60; seed++) {
      for (const q of generate(corpus, { seed, types: ["multiple-choice", "true-false"] }).questions) {
        if (q.about !== "when" || !q.factIds.some((id) => id.startsWith("call-2020-11-0"))) continue;
        seen++;
        if (q.type === "true-false") checkTrueFalse(oracle, q, oracle.fact(q.factIds[0] ?? ""), `${q.id} seed ${seed}`);
        else checkWrongOptions(oracle, q, oracle.fact(q.factIds[0] ?? ""), `${q.id} seed ${seed}: ${q.prompt}`);
      }
    }
    expect(seen).toBeGreaterThan(100);
  });
});

for (const [name, corpus] of corpora()) {
  describe(`generator properties over ${name}`, () => {
    const oracle = makeOracle(corpus);

    it("every question of the full bank is well formed and every wrong option is false, for many seeds", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
          const { questions } = generate(corpus, { seed });
          expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
          for (const q of questions) checkQuestion(corpus, oracle, q);
        }),
        { numRuns: name === "fixture" ? 30 : 12 },
      );
    });

    it("true/false: every True statement is the fact's own value, every False one is false against all facts", () => {
      // Many seeds, so that most statements are seen both ways.
      let seen = 0;
      for (let seed = 1; seed <= 40; seed++) {
        for (const q of generate(corpus, { seed, types: ["true-false"] }).questions) {
          checkTrueFalse(oracle, q, oracle.fact(q.factIds[0] ?? ""), `${q.id} seed ${seed}: ${q.prompt}`);
          seen++;
        }
      }
      expect(seen).toBeGreaterThan(0);
    });

    it("same seed, same output; another seed, other output", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
          const a = generate(corpus, { seed, count: 20 });
          const b = generate(corpus, { seed, count: 20 });
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
          const c = generate(corpus, { seed: seed + 1, count: 20 });
          expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
        }),
        { numRuns: 8 },
      );
    });

    it("question ids do not depend on the seed", () => {
      const ids = (seed: number): Set<string> => new Set(generate(corpus, { seed, types: ["typed-date", "short-answer", "cloze", "according-to-whom"] }).questions.map((q) => q.id));
      expect([...ids(1)].sort()).toEqual([...ids(2)].sort());
    });
  });
}
