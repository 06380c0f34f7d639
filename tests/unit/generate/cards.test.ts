import { describe, expect, it } from "vitest";
import { generateCards } from "@/lib/generate/cards";
import { smallCorpus } from "@/tests/fixtures/small-corpus";
import { corpora } from "./corpora";

describe("generateCards (fixture)", () => {
  const cards = generateCards(smallCorpus);
  const byId = new Map(cards.map((c) => [c.id, c]));

  it("question → answer cards, keyed on fact + kind + field", () => {
    expect(byId.get("trilateral-statement:qa:when")).toEqual({
      id: "trilateral-statement:qa:when",
      factId: "trilateral-statement",
      kind: "qa",
      front: "What is the date of the signing of the joint statement on a complete ceasefire?",
      back: "9 November 2020",
      source: {
        slug: "tass-2021-07-07",
        outlet: "TASS",
        quote:
          "On November 9, 2020, Russian President Vladimir Putin, Azerbaijani President Ilham Aliyev, and Armenian Prime Minister Nikol Pashinyan signed a joint statement on a complete ceasefire in Nagorno-Karabakh.",
      },
      link: "/sources/tass-2021-07-07#trilateral-statement",
    });
    expect(byId.get("peacekeepers-deployed:qa:where:nagorno-karabakh")?.back).toBe("Nagorno-Karabakh and the Lachin Corridor");
    expect(byId.get("civilians-at-base:qa:number:0")?.front).toBe(
      "What figure did Vladimir Putin give for the number of civilians in the sheltering of civilians at the main peacekeeping base?",
    );
  });

  it("reverse cards only where the date picks out one event of that kind", () => {
    expect(byId.get("ceasefire-1994:reverse:when")).toMatchObject({ front: "Which ceasefire was reached in 1994?", back: "The ceasefire that ended the first war" });
    // Two phone calls (Putin–Pashinyan, Putin–Aliyev) are a day apart: both fine; none on the same day.
    expect(byId.has("call-2020-11-01:reverse:when")).toBe(true);
    // Claims never get a reverse card.
    expect(byId.has("baku-local-measures:reverse:when")).toBe(false);
  });

  it("cloze cards from the quote, credited to the outlet", () => {
    expect(byId.get("breakaway-1980s:cloze:when")).toMatchObject({
      front: "According to RT: “The region, where the population is predominantly Armenian, broke away from Azerbaijan in the _____”",
      back: "late 1980s",
    });
  });

  it("ids are unique and do not change between runs", () => {
    for (const [, corpus] of corpora()) {
      const a = generateCards(corpus).map((c) => c.id);
      expect(new Set(a).size).toBe(a.length);
      expect(generateCards(structuredClone(corpus)).map((c) => c.id)).toEqual(a);
    }
  });
});
