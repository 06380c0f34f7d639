import { describe, expect, it } from "vitest";
import { cardJson, generateCards } from "@/lib/generate/cards";
import { corpusIndexOf } from "@/lib/generate/corpus-cache";
import { generate } from "@/lib/generate/generate";
import type { Question } from "@/lib/generate/question";
import { feedbackFor } from "@/app/(study)/quiz/quiz-view";
import { contentCorpus } from "./corpora";

/** The examples of evidence that did not support the answer, as fixed reference items. */

const corpus = contentCorpus();
const ix = corpusIndexOf(corpus);
const banks = [1, 2, 3].map((seed) => generate(corpus, { seed }).questions);
const all = banks.flat();
const find = (pred: (q: Question) => boolean): Question => {
  const q = all.find(pred);
  if (!q) throw new Error("reference item not generated");
  return q;
};
const cards = new Map(generateCards(corpus).map((c) => [c.id, cardJson(ix, c)]));
const card = (id: string) => {
  const c = cards.get(id);
  if (!c) throw new Error(`no card ${id}`);
  return c;
};

describe("each question shows the sentence that states its own answer", () => {
  it("“Which side launched a military operation … on 19 September 2023?” is backed by the sentence naming Azerbaijan, not “On September 19, tensions flared up …”", () => {
    // Typed: another government as a wrong option would be false only because the article does not mention it.
    const q = find((x) => x.type === "short-answer" && x.prompt.startsWith("Which side launched a military operation in Nagorno-Karabakh on 19 September 2023"));
    expect(q.answer).toBe("the Azerbaijani government");
    expect(q.sources).toEqual([
      {
        slug: "rt-2023-09-20-putin-wang-yi-peacekeepers",
        outlet: "RT",
        quote: "The comments come after Azerbaijan launched what it described as a counter-terrorism operation in Nagorno-Karabakh on Tuesday, accusing Armenia of amassing troops there.",
      },
    ]);
    expect(q.explanation).toContain("“The comments come after Azerbaijan launched what it described as a counter-terrorism operation in Nagorno-Karabakh on Tuesday, accusing Armenia of amassing troops there.” — RT");
    expect(q.explanation).not.toContain("tensions flared up");
    expect(q.explanation).toContain("/sources/rt-2023-09-20-putin-wang-yi-peacekeepers#azerbaijan-operation-2023-09-19");
  });

  it("the same fact's date is backed by RT's sentence naming the launch “on Tuesday”, with the weekday said in words (TASS's “On September 19, tensions flared up” dates the flare-up, not the launch)", () => {
    const q = find((x) => x.type === "typed-date" && x.factIds[0] === "azerbaijan-operation-2023-09-19");
    expect(q.sources[0]).toMatchObject({ slug: "rt-2023-09-20-putin-wang-yi-peacekeepers", outlet: "RT" });
    expect(q.sources[0]?.quote).toContain("Azerbaijan launched what it described as a counter-terrorism operation in Nagorno-Karabakh on Tuesday");
    expect(q.sources[0]?.step).toMatch(/^“on Tuesday” — 19 September 2023: .*the Tuesday before was 19 September 2023/);
    expect(q.explanation).toContain("How the sentence says it: “on Tuesday” — 19 September 2023");
    for (const other of all.filter((x) => x.factIds.length === 1 && x.factIds[0] === "azerbaijan-operation-2023-09-19" && x.type !== "cloze")) {
      expect(other.sources[0]?.quote, other.prompt).not.toContain("tensions flared up");
    }
  });

  it("a weekday is said in words: “on Monday” — 2 November 2020 was a Monday", () => {
    const q = find((x) => x.type === "typed-date" && x.factIds[0] === "aliyev-calls-russia-neutral-2020");
    expect(q.sources[0]?.quote).toContain("President Aliyev on Monday called on Russia");
    expect(q.sources[0]?.step).toMatch(/^“on Monday” — 2 November 2020: .*2 November 2020 was a Monday$/);
  });

  it("a coreference is said in words: “The region” — Nagorno-Karabakh, named before", () => {
    // Its typed question is not asked (the topic answers itself); the card shows the step.
    const c = card("karabakh-breakaway-late-1980s:qa:where:nagorno-karabakh");
    expect(c.back).toBe("Nagorno-Karabakh");
    expect(c.step).toMatch(/^“The region” — Nagorno-Karabakh, named in the paragraph before/);
  });

  it("a correct “False” states the true value, with the sentence that states it", () => {
    const q = find((x) => x.type === "true-false" && x.answer === "False" && x.about === "when" && x.factIds[0] === "trilateral-statement-2020-11-09");
    expect(q.trueStatement).toBe("The trilateral joint statement on a complete ceasefire was signed on 9 November 2020.");
    expect(q.sources[0]?.quote).toContain("On November 9, 2020, Russian President Vladimir Putin");
    const fb = feedbackFor(q, { correct: true, expected: "False" }, "False");
    expect(fb.truth).toBe(q.trueStatement);
    expect(fb.sources[0]).toMatchObject({ outlet: "TASS", quote: q.sources[0]?.quote });
  });

  it("an according-to-whom question quotes the sentence that names the party", () => {
    // Its question ("Which side accused Armenia …?") is dropped — the stem names the other side — so its card shows it.
    expect(all.some((x) => x.type === "according-to-whom" && x.factIds[0] === "baku-accuses-armenian-troops-2023")).toBe(false);
    const q = { sources: [{ quote: card("baku-accuses-armenian-troops-2023:qa:claim").quote }] };
    // The curated quote is the fragment "accusing Armenia of amassing troops there."; its sentence names the accuser.
    expect(q.sources[0]?.quote).toBe("The comments come after Azerbaijan launched what it described as a counter-terrorism operation in Nagorno-Karabakh on Tuesday, accusing Armenia of amassing troops there.");
  });

  it("of two sentences that name the party, the one that states what the question asks is cited", () => {
    // RT's "Yerevan denied the allegations." names Yerevan but not what it said; TASS's sentence says it.
    const q = find((x) => x.type === "according-to-whom" && x.factIds[0] === "yerevan-denies-troops-2023" && /no Armenian forces/.test(x.prompt));
    expect(q.sources[0]?.quote).toContain("Yerevan, in turn, said there were no Armenian forces in Karabakh");
    expect(q.sources[0]?.outlet).toBe("TASS");
  });
});

describe("each card shows its own sentence and that sentence's outlet", () => {
  it("a card whose evidence is RT's is not credited to TASS (the fact's first source)", () => {
    const c = card("azerbaijan-operation-2023-09-19:qa:who:azerbaijani-government");
    expect(c).toMatchObject({ sourceSlug: "rt-2023-09-20-putin-wang-yi-peacekeepers", outlet: "RT", link: "/sources/rt-2023-09-20-putin-wang-yi-peacekeepers#azerbaijan-operation-2023-09-19" });
    expect(c.quote).toContain("Azerbaijan launched");
    expect(c.step).toBeUndefined();
  });

  it("a card's back that needs a step carries it", () => {
    expect(card("aliyev-calls-russia-neutral-2020:qa:when").step).toMatch(/^“on Monday” — 2 November 2020/);
    expect(card("putin-pashinyan-talks-2021-07-07:qa:when")).toMatchObject({ quote: expect.stringContaining("Wednesday’s talks") as unknown, step: expect.stringContaining("7 July 2021 was a Wednesday") as unknown });
  });

  it("every card names the outlet of the article it quotes", () => {
    for (const c of cards.values()) expect(c.outlet, c.id).toBe(corpus.sources.find((s) => s.slug === c.sourceSlug)?.outlet);
  });
});
