import { describe, expect, it } from "vitest";
import { assembleQuiz } from "@/lib/generate/assemble-quiz";
import { generate } from "@/lib/generate/generate";
import { InvalidGenerateOptions } from "@/lib/generate/invalid-generate-options";
import { smallCorpus } from "@/tests/fixtures/small-corpus";

describe("generate options", () => {
  it.each([
    [{ seed: 1, types: ["essay"] }, /types\.0/],
    [{ seed: 1, count: -3 }, /count/],
    [{ seed: 1, count: 0 }, /count/],
    [{ seed: 1, count: 1e9 }, /count/],
    [{ seed: 1, count: 2.5 }, /count/],
    [{ seed: 1.5 }, /seed/],
    [{ seed: "" }, /seed/],
    [{ seed: 1, factFilter: { factIds: ["no-such-fact"] } }, /unknown fact id/],
    [{ seed: 1, colour: "red" }, /colour|Unrecognized/i],
  ])("rejects %j with InvalidGenerateOptions", (opts, message) => {
    expect(() => generate(smallCorpus, opts as never)).toThrow(InvalidGenerateOptions);
    expect(() => generate(smallCorpus, opts as never)).toThrow(message);
  });

  it("caps a count larger than the bank and says so", () => {
    const r = generate(smallCorpus, { seed: 1, count: 5000, types: ["timeline"] });
    // One timeline: the fixture's other dated labels print a year or a sequence word ("1997", "first", "the day after").
    expect(r).toMatchObject({ requested: 5000, available: 1 });
    expect(r.questions).toHaveLength(1);
  });

  it("filters by tag and by fact id", () => {
    const r = generate(smallCorpus, { seed: 1, factFilter: { tags: ["july-2021"] } });
    expect(new Set(r.questions.flatMap((q) => q.factIds))).toEqual(new Set(["talks-2021-07"]));
    const s = generate(smallCorpus, { seed: 1, factFilter: { factIds: ["ceasefire-1994"] }, types: ["typed-date"] });
    expect(s.questions.map((q) => q.answer)).toEqual(["1994"]);
  });

  it("an empty selection is an empty, stated result, not an error", () => {
    const r = generate(smallCorpus, { seed: 1, count: 10, factFilter: { factIds: [] } });
    expect(r).toEqual({ questions: [], requested: 10, available: 0 });
  });

  it("assembleQuiz validates too", () => {
    expect(() => assembleQuiz(smallCorpus, { seed: 1, count: -1 })).toThrow(InvalidGenerateOptions);
    expect(() => assembleQuiz(smallCorpus, { seed: 1, count: 5, types: ["nope" as never] })).toThrow(InvalidGenerateOptions);
  });
});
