import { describe, expect, it } from "vitest";
import { assembleQuiz } from "@/lib/generate/assemble-quiz";
import { corpusIndexOf } from "@/lib/generate/corpus-cache";
import { generate } from "@/lib/generate/generate";
import { givesAway, prepareForGiveaway } from "@/lib/generate/giveaway";
import { giveawayLinks } from "@/lib/generate/giveaway-links";
import { hasUnorderedOptions } from "@/lib/generate/spread-positions";
import { contentCorpus, corpora } from "./corpora";

for (const [name, corpus] of corpora()) {
  describe(`assembleQuiz over ${name}`, () => {
    it("no two questions share a fact or give each other away; types are balanced", () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const { questions, available } = assembleQuiz(corpus, { seed, count: 12 });
        expect(questions.length).toBe(Math.min(12, available));
        const prepared = questions.map(prepareForGiveaway);
        for (let i = 0; i < prepared.length; i++) {
          for (let j = i + 1; j < prepared.length; j++) expect(givesAway(prepared[i]!, prepared[j]!), `${questions[i]?.id} / ${questions[j]?.id}`).toBe(false);
        }
        const perType = new Map<string, number>();
        for (const q of questions) perType.set(q.type, (perType.get(q.type) ?? 0) + 1);
        expect(perType.size).toBeGreaterThanOrEqual(Math.min(5, questions.length));
        expect(Math.max(...perType.values())).toBeLessThanOrEqual(Math.ceil(questions.length / perType.size) + 1);
      }
    });

    it("restricts to a deck's facts and spreads the correct position evenly", () => {
      const deck = corpus.facts.slice(0, 10).map((f) => f.id);
      const { questions } = assembleQuiz(corpus, { seed: 7, count: 10, factIds: deck });
      for (const q of questions) for (const f of q.factIds) expect(deck).toContain(f);
      const big = assembleQuiz(corpus, { seed: 9, count: 200, types: ["multiple-choice", "according-to-whom"] }).questions.filter(hasUnorderedOptions);
      const byK = new Map<number, number[]>();
      for (const q of big) {
        const k = q.options?.length ?? 0;
        const counts = byK.get(k) ?? Array.from({ length: k }, () => 0);
        const pos = q.options?.indexOf(q.answer as string) ?? -1;
        counts[pos] = (counts[pos] ?? 0) + 1;
        byK.set(k, counts);
      }
      for (const counts of byK.values()) expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    });
  });
}

describe("assembleQuiz: giveaway groups on content/", () => {
  const corpus = contentCorpus();
  const links = giveawayLinks(corpusIndexOf(corpus));

  it("links facts whose stems refer to each other: the two calls of 1 and 2 November 2020", () => {
    expect(links.get("putin-pashinyan-call-2020-11-01")?.has("putin-aliyev-call-2020-11-02")).toBe(true);
    expect(links.get("putin-aliyev-call-2020-11-02")?.has("putin-pashinyan-call-2020-11-01")).toBe(true);
    expect(links.get("trilateral-statement-2021-01-11")?.has("trilateral-statement-2020-11-09")).toBe(true);
    // Sharing Putin or Nagorno-Karabakh, asked for by a dozen facts, links nothing.
    expect(links.get("putin-pashinyan-call-2020-09-27")?.has("putin-pashinyan-call-2023-09-20")).toBe(false);
  });

  it("over seeds 1–200, a quiz of 20 takes at most one question from each giveaway group", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { questions } = assembleQuiz(corpus, { seed, count: 20 });
      expect(questions, `seed ${seed}`).toHaveLength(20);
      for (let i = 0; i < questions.length; i++) {
        for (let j = i + 1; j < questions.length; j++) {
          const a = questions[i]?.factIds ?? [];
          const b = questions[j]?.factIds ?? [];
          const linked = a.some((x) => b.some((y) => x === y || links.get(x)?.has(y)));
          expect(linked, `seed ${seed}: ${questions[i]?.prompt} / ${questions[j]?.prompt}`).toBe(false);
        }
      }
    }
    // 200 full banks (and their quizzes) take about 12 s on an idle machine; the
    // default 5 s fails, and under load (two cores shared with the integration
    // tests) so does 30 s. Not a timing test: bench:generate measures speed.
  }, 120_000);

  it("no timeline or dates ↔ events set holds two facts of one group (their labels give the order away)", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const q of generate(corpus, { seed, types: ["timeline", "matching"] }).questions) {
        if (q.about === "person-role") continue;
        for (const x of q.factIds) for (const y of q.factIds) expect(links.get(x)?.has(y), `${q.id}: ${x} / ${y}`).toBe(false);
      }
    }
  });
});
