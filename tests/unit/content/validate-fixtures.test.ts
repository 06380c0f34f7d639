import path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CorpusInvalidError, loadCorpus, loadValidCorpus, type ContentProblem } from "@/lib/content/load";

const root = path.resolve(__dirname, "../../fixtures/content");
const dir = (name: string) => path.join(root, name);
const facts = (name: string) => path.join(dir(name), "facts.yaml");
const problemsOf = (name: string): ContentProblem[] => loadCorpus(dir(name)).problems;

describe("fixture corpora", () => {
  it("valid: no problems, everything loaded", () => {
    const { corpus, problems } = loadCorpus(dir("valid"));
    expect(problems).toEqual([]);
    expect(corpus.sources.map((s) => s.slug)).toEqual(["rt-2020-09-27-putin-pashinyan-call"]);
    expect(corpus.facts.map((f) => f.id)).toEqual(["call-2020-09-27", "baku-shelling", "yerevan-rejects"]);
    expect(corpus.entities).toHaveLength(6);
    expect(corpus.excluded).toHaveLength(1);
    expect(corpus.sources[0]?.body.startsWith("FILE PHOTO. Russian President")).toBe(true);
    expect(loadValidCorpus(dir("valid")).facts).toHaveLength(3);
  });

  it("a quote not in its article", () => {
    expect(problemsOf("quote-not-in-article")).toEqual([
      {
        file: facts("quote-not-in-article"),
        id: "baku-shelling",
        message:
          'sources[0]: quote not found verbatim in source "rt-2020-09-27-putin-pashinyan-call": "Baku said it was responding to the shelling of its forces"',
      },
    ]);
  });

  it("an unknown entity", () => {
    expect(problemsOf("unknown-entity")).toEqual([
      { file: facts("unknown-entity"), id: "call-2020-09-27", message: 'who[1]: unknown entity "vladimir-poutine"' },
    ]);
  });

  it("a duplicate id", () => {
    expect(problemsOf("duplicate-id")).toEqual([
      { file: facts("duplicate-id"), id: "call-2020-09-27", message: "duplicate fact id" },
    ]);
  });

  it("a malformed date", () => {
    expect(problemsOf("malformed-date")).toEqual([
      { file: facts("malformed-date"), id: "call-2020-09-27", message: 'when: date "2020-9-27" does not match precision "day"' },
    ]);
  });

  it("an inferred date without a reason", () => {
    expect(problemsOf("inferred-without-reason")).toEqual([
      { file: facts("inferred-without-reason"), id: "call-2020-09-27", message: 'when: date "2020-09-27" is inferred but gives no reason' },
    ]);
  });

  it("an asymmetric conflict", () => {
    expect(problemsOf("asymmetric-conflict")).toEqual([
      {
        file: facts("asymmetric-conflict"),
        id: "baku-shelling",
        message: 'conflictsWith[0]: "yerevan-rejects" does not list "baku-shelling" in its conflictsWith (must be symmetric)',
      },
    ]);
  });

  it("a contested fact without attribution", () => {
    expect(problemsOf("contested-without-attribution")).toEqual([
      { file: facts("contested-without-attribution"), id: "baku-shelling", message: "contested fact has no attribution (say whose version it is)" },
    ]);
  });

  it("several problems are all reported at once, each with file, id and message", () => {
    const f = facts("many-problems");
    const problems = problemsOf("many-problems");
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: path.join(dir("many-problems"), "sources", "rt-2020-09-27-call.md"),
          id: "rt-2020-09-27-putin-pashinyan-call",
          message: 'slug "rt-2020-09-27-putin-pashinyan-call" differs from the file name "rt-2020-09-27-call.md"',
        },
        { file: f, id: "yerevan-rejects", message: 'facts[2].when.precision: Invalid option: expected one of "day"|"month"|"year"|"decade"' },
        { file: f, id: "baku-shelling", message: `label "the phone call made on Yerevan's initiative" is also the label of call-2020-09-27` },
        { file: f, id: "call-2020-09-27", message: 'who[1]: unknown entity "vladimir-poutine"' },
        { file: f, id: "call-2020-09-27", message: 'when: date "2020-09-31" is not a calendar day' },
        {
          file: f,
          id: "baku-shelling",
          message:
            'sources[0]: quote not found verbatim in source "rt-2020-09-27-putin-pashinyan-call": "Baku said it was responding to shelling of its positions"',
        },
        { file: f, id: "baku-shelling", message: "contested fact has no attribution (say whose version it is)" },
        { file: f, id: "excluded[0]", message: 'quote: unknown source "tass-2020-missing"' },
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it("loadValidCorpus throws CorpusInvalidError carrying every problem", () => {
    let caught: unknown;
    try {
      loadValidCorpus(dir("many-problems"));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CorpusInvalidError);
    expect((caught as CorpusInvalidError).problems).toHaveLength(8);
    expect((caught as CorpusInvalidError).message).toMatch(/^content corpus has 8 problem\(s\):/);
  });

  it("a missing directory is a problem, not a crash", () => {
    const problems = problemsOf("does-not-exist");
    expect(problems.map((p) => path.basename(p.file))).toEqual(["sources", "entities.yaml", "facts.yaml"]);
  });
});

describe("scripts/content-check.ts", () => {
  const tsx = path.resolve(__dirname, "../../../node_modules/.bin/tsx");
  const script = path.resolve(__dirname, "../../../scripts/content-check.ts");
  const run = (d: string) => {
    try {
      return { code: 0, out: execFileSync(tsx, [script, d], { encoding: "utf8" }) };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };

  it("prints a summary and exits 0 on a valid corpus", () => {
    const { code, out } = run(dir("valid"));
    expect(code).toBe(0);
    expect(out).toContain(
      "1 sources, 6 entities, 3 facts, 1 inferred-date facts, 2 contested facts, 2 attributed facts, 1 excluded statements",
    );
  });

  it("prints each problem as `file: id: message` and exits 1", () => {
    const { code, out } = run(dir("unknown-entity"));
    expect(code).toBe(1);
    expect(out).toContain(`${facts("unknown-entity")}: call-2020-09-27: who[1]: unknown entity "vladimir-poutine"`);
  });
}, 30_000);
