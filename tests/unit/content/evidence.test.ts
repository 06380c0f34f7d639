import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus } from "@/lib/content/read-corpus";
import { validateCorpus } from "@/lib/content/validate";
import { formatStep, slotEvidence } from "@/lib/content/evidence";
import { contentCorpus } from "../generate/corpora";

const dir = path.resolve(__dirname, "../../fixtures/content/valid");

type RawFact = Record<string, unknown> & { id: string };

/** The valid fixture with one fact edited by `edit`, validated: the evidence problems reported. */
function evidenceProblems(id: string, edit: (f: RawFact) => void): string[] {
  const { raw } = readCorpus(dir);
  const data = structuredClone(raw.facts.data) as { facts: RawFact[] };
  const fact = data.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`no fact ${id}`);
  edit(fact);
  return validateCorpus({ ...raw, facts: { ...raw.facts, data } }).problems.filter((p) => p.message.startsWith("evidence")).map((p) => `${p.id}: ${p.message}`);
}

const step = (kind: string, means: string, words?: string) => ({ quote: 0, step: { kind, means, ...(words ? { words } : {}) } });

describe("content:check: every slot has evidence that states it", () => {
  it("the valid fixture declares a step where its quote does not print the date", () => {
    expect(evidenceProblems("call-2020-09-27", () => {})).toEqual([]);
  });

  it("a date the quote does not print, with no step, is a problem", () => {
    expect(evidenceProblems("call-2020-09-27", (f) => delete f.evidence)).toEqual([
      "call-2020-09-27: evidence.when: no quote states 27 September 2020; add the sentence that does, or declare evidence with a step",
    ]);
  });

  it("a place the quote only refers to, with no step, is a problem", () => {
    expect(evidenceProblems("yerevan-rejects", (f) => delete f.evidence)).toEqual([
      "yerevan-rejects: evidence.where.nagorno-karabakh: no quote states Nagorno-Karabakh; add the sentence that does, or declare evidence with a step",
    ]);
  });

  it("a step must start from words of the quote and name the answer; a weekday must be the date's, a dateline the article's date", () => {
    expect(evidenceProblems("call-2020-09-27", (f) => (f.evidence = { when: step("weekday", "27 September 2020 was a Monday", "on Monday") }))).toEqual([
      "call-2020-09-27: evidence.when: step words \"on Monday\" are not in quote 0",
      "call-2020-09-27: evidence.when: 27 September 2020 was a Sunday, not \"on Monday\"",
    ]);
    expect(evidenceProblems("call-2020-09-27", (f) => (f.evidence = { when: step("dateline", "the day of the report") }))).toEqual([
      'call-2020-09-27: evidence.when: the step ("the day of the report") does not name 27 September 2020',
      "call-2020-09-27: evidence.when: a dateline step must give the article's date (27 September 2020)",
    ]);
  });

  it("declared evidence must point at a quote of the fact and a slot it has", () => {
    expect(evidenceProblems("baku-shelling", (f) => (f.evidence = { by: 3, where: { "nagorno-karabakh": 0 } }))).toEqual([
      "baku-shelling: evidence.where.nagorno-karabakh: not in where",
      "baku-shelling: evidence.by: quote 3 does not exist (the fact has 1)",
    ]);
  });
});

describe("the real corpus", () => {
  it("every declared step reads “words” — how, and names what it proves", () => {
    const corpus = contentCorpus();
    const entities = new Map(corpus.entities.map((e) => [e.id, e]));
    const f = corpus.facts.find((x) => x.id === "azerbaijan-operation-2023-09-19");
    if (!f) throw new Error("fact missing");
    // The actor, the place and the day of the launch are all in RT's sentence (quote 1), not in the fact's first
    // quote, TASS's "On September 19, tensions flared up", which dates the flare-up: one quote per slot.
    expect(slotEvidence(f, "who:azerbaijani-government", entities).index).toBe(1);
    expect(slotEvidence(f, "where:nagorno-karabakh", entities).index).toBe(1);
    const when = slotEvidence(f, "when", entities);
    expect(when.index).toBe(1);
    expect(when.step && formatStep(when.step)).toMatch(/^“on Tuesday” — 19 September 2023: RT reports Putin's remarks of Wednesday 20 September 2023/);
  });
});
