import { describe, expect, it } from "vitest";
import { generate } from "@/lib/generate/generate";
import type { Question } from "@/lib/generate/question";
import { contentCorpus } from "./corpora";

// Each bad example of issue 10, as the item a student met, pinned on the real
// corpus over seeds 1–20: gone, or asked in the form the issue asks for.
const corpus = contentCorpus();
const all: Question[] = Array.from({ length: 20 }, (_, i) => generate(corpus, { seed: i + 1 }).questions).flat();
const text = (q: Question): string => [q.prompt, ...(q.options ?? []), ...(q.left ?? []), q.explanation].join("\n");
const about = (factId: string, type?: Question["type"]): Question[] => all.filter((q) => q.factIds.includes(factId) && (!type || q.type === type));

describe("issue 10: the audit's bad examples are gone", () => {
  it("no “Peskov, together with Pashinyan, took part in the talks” keyed False (unprovable)", () => {
    expect(all.some((q) => q.type === "true-false" && q.prompt.startsWith("True or false? Dmitry Peskov, together with Nikol Pashinyan, took part in"))).toBe(false);
    expect(about("putin-pashinyan-talks-2021-07-07", "true-false").every((q) => q.about === "when")).toBe(true);
  });

  it("“Which Russian minister …” offers no Wang Yi or Aliyev: it is typed, the only Russian minister being the answer", () => {
    const lavrov = all.filter((q) => q.prompt.startsWith("Which Russian minister called both his Azeri and Armenian counterparts"));
    expect(lavrov.length).toBeGreaterThan(0);
    for (const q of lavrov) {
      expect(q.options ?? [], q.prompt).not.toContain("Wang Yi");
      expect(q.options ?? [], q.prompt).not.toContain("Ilham Aliyev");
    }
    expect(lavrov.some((q) => q.type === "short-answer")).toBe(true);
  });

  it("“Which Kremlin official …” never offers Aliyev (or Putin, Wang Yi): asked by typing", () => {
    const peskov = all.filter((q) => /^Which Kremlin official\b/.test(q.prompt));
    expect(peskov.length).toBeGreaterThan(0);
    for (const q of peskov) {
      for (const o of ["Ilham Aliyev", "Vladimir Putin", "Wang Yi", "Sergey Lavrov"]) expect(q.options ?? [], q.prompt).not.toContain(o);
    }
  });

  it("“how many children …?” is asked as the figure Putin gave, with no “more than 1,500” and the key not always first", () => {
    const children = about("children-at-peacekeepers-base-2023", "multiple-choice").filter((q) => q.about === "number");
    expect(children.length).toBe(20);
    for (const q of children) {
      expect(q.prompt).toBe("What figure did Vladimir Putin give for the children among the civilians at the Russian peacekeepers' main base in September 2023?");
      expect(q.options?.filter((o) => o.startsWith("more than"))).toEqual(["more than 1,000"]);
      expect(q.options).not.toContain("more than 1,500");
    }
    expect(new Set(children.map((q) => q.options?.indexOf(String(q.answer)))).size).toBeGreaterThan(1);
  });

  it("the July 2021 talks are asked as announced, never as having taken place on 7 July 2021", () => {
    for (const q of all) expect(text(q), q.id).not.toMatch(/first visit abroad after his party's parliamentary election victory took place/);
    expect(about("putin-pashinyan-talks-2021-07-07").some((q) => q.type === "timeline" || (q.type === "matching" && q.about === "date-event"))).toBe(false);
    expect(about("putin-pashinyan-talks-2021-07-07", "true-false").map((q) => q.prompt)).toContain(
      "True or false? The date announced for the talks that were to be the Armenian leader's first visit abroad after his party's parliamentary election victory was 7 July 2021.",
    );
  });

  it("no label says the operation was “followed by … talks between representatives of Baku and Stepanakert”, nor that clashes were “later ended”", () => {
    for (const q of all) {
      if (q.type === "cloze") continue;
      expect(text(q), q.id).not.toMatch(/followed by a Russian-mediated ceasefire and by talks/);
      expect(text(q), q.id).not.toMatch(/later ended/);
    }
  });

  it("no cloze “Russian President _____ and Armenia's Acting Prime Minister Nikol Pashinyan”, and no cloze answer is one of the four names", () => {
    const clozes = all.filter((q) => q.type === "cloze");
    expect(clozes.length).toBeGreaterThan(0);
    for (const q of clozes) {
      expect(q.prompt).not.toContain("Russian President _____ and Armenia's Acting Prime Minister Nikol Pashinyan");
      expect(["Nagorno-Karabakh", "Armenia", "Azerbaijan", "Russia", "Karabakh", "Yerevan", "Baku", "Moscow"]).not.toContain(q.answer);
    }
    const bank = generate(corpus, { seed: 1 }).questions;
    expect(bank.filter((q) => q.type === "cloze").length / bank.length).toBeLessThanOrEqual(0.35);
  });

  it("no “The place of …” statement (Gegharkunik, the Lachin Corridor tautology) and no “outlets's account”", () => {
    for (const q of all) {
      expect(q.prompt, q.id).not.toContain("The place of the trilateral joint statement");
      expect(q.prompt, q.id).not.toContain("The place of the corridor that connects Armenia and Nagorno-Karabakh is the Lachin Corridor");
      expect(q.explanation, q.id).not.toContain("Armenian media outlets's account");
    }
    expect(about("armenian-media-report-peacekeepers-border").map((q) => q.explanation).join("\n")).toContain("This is Armenian media outlets' account");
  });

  it("paired accounts: Baku's word for the operation, then what Yerevan called it (its own words, not “which side”)", () => {
    // "Baku said X. Which side said Y?" is answered by naming the side not named (audit 4): never asked.
    expect(all.filter((q) => q.type === "according-to-whom" && q.factIds.length > 1 && /\bwhich side\b/i.test(q.prompt))).toEqual([]);
    const paired = all.filter((q) => q.type === "cloze" && q.factIds.join() === "yerevan-calls-it-aggression,baku-calls-it-anti-terrorist-measures");
    expect(paired.length).toBeGreaterThan(0);
    expect(paired[0]?.prompt).toMatch(/^Fill in the blank\. Baku described its September 2023 operation in Nagorno-Karabakh as "local anti-terrorist measures" or a counter-terrorism operation\. According to TASS/);
    expect(paired[0]?.answer).toBe("an act of large-scale aggression");
  });
});
