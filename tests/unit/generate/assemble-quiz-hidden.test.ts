import { describe, expect, it } from "vitest";
import { assembleQuiz } from "@/lib/generate/assemble-quiz";
import { contentCorpus } from "./corpora";

describe("assembleQuiz with hiddenFactIds", () => {
  it("never asks about a hidden fact, and asks the rest as before", () => {
    const corpus = contentCorpus();
    const all = assembleQuiz(corpus, { seed: 3, count: 50 });
    const hidden = all.questions.slice(0, 3).flatMap((q) => q.factIds);
    expect(hidden.length).toBeGreaterThan(0);
    const without = assembleQuiz(corpus, { seed: 3, count: 50, hiddenFactIds: hidden });
    expect(without.questions.length).toBeGreaterThan(0);
    for (const q of without.questions) for (const f of q.factIds) expect(hidden).not.toContain(f);
    expect(without.available).toBeLessThan(all.available);
    // An empty hidden list changes nothing.
    expect(assembleQuiz(corpus, { seed: 3, count: 50, hiddenFactIds: [] })).toEqual(all);
  });
});
