import { describe, expect, it } from "vitest";
import { generateCards } from "@/lib/generate/cards";
import { generate } from "@/lib/generate/generate";
import { UNGENERATABLE_FACTS } from "@/lib/generate/ungeneratable";
import { corpora } from "./corpora";

for (const [name, corpus] of corpora()) {
  describe(`coverage of ${name}`, () => {
    it("every fact yields a card and a question, unless listed as ungeneratable with a reason", () => {
      const cards = new Set(generateCards(corpus).map((c) => c.factId));
      const asked = new Set(generate(corpus, { seed: 1 }).questions.flatMap((q) => q.factIds));
      const missing = corpus.facts
        .filter((f) => !(f.id in UNGENERATABLE_FACTS))
        .filter((f) => !cards.has(f.id) || !asked.has(f.id))
        .map((f) => `${f.id} (card: ${cards.has(f.id)}, question: ${asked.has(f.id)})`);
      expect(missing).toEqual([]);
      for (const reason of Object.values(UNGENERATABLE_FACTS)) expect(reason.length).toBeGreaterThan(10);
    });
  });
}
