import { describe, expect, it } from "vitest";
import { loadValidCorpus } from "@/lib/content/load";
import { assembleQuiz } from "@/lib/generate/assemble-quiz";
import { assignmentSeeds, quizCapacity } from "@/lib/quiz/quiz-capacity";

const corpus = loadValidCorpus("content");
const factIds = corpus.facts.filter((f) => f.tags.includes("sept-2023")).map((f) => f.id);

describe("quizCapacity", () => {
  it("is the smallest draw over the seeds, never more than the facts", () => {
    const seeds = ["a", "b", "c", "d"];
    const each = seeds.map((seed) => assembleQuiz(corpus, { seed, count: 50, factIds, types: ["true-false"] }).available);
    expect(quizCapacity(corpus, { factIds, types: ["true-false"], seeds })).toBe(Math.min(...each));
    expect(Math.min(...each)).toBeLessThanOrEqual(factIds.length);
    // A draw of that many questions, with any of the seeds, holds them all.
    const n = quizCapacity(corpus, { factIds, types: ["true-false"], seeds });
    for (const seed of seeds) expect(assembleQuiz(corpus, { seed, count: n, factIds, types: ["true-false"] }).questions).toHaveLength(n);
  });

  it("is 0 without facts or seeds", () => {
    expect(quizCapacity(corpus, { factIds: [], types: ["true-false"], seeds: ["a"] })).toBe(0);
    expect(quizCapacity(corpus, { factIds, types: ["true-false"], seeds: [] })).toBe(0);
  });
});

describe("assignmentSeeds", () => {
  it("is the assignment's seed for one fixed set, and each student's (plus stand-ins) for per-student sets", () => {
    expect(assignmentSeeds({ seed: "S", questionSet: "fixed", studentIds: ["u1", "u2"], probes: 3 })).toEqual(["S"]);
    expect(assignmentSeeds({ seed: "S", questionSet: "per-student", studentIds: ["u1", "u2"], probes: 2 })).toEqual(["S:u1", "S:u2", "S:probe-0", "S:probe-1"]);
  });
});
