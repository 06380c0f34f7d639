import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf } from "./reference-helpers";

describe("cloze (fixture, seed 1)", () => {
  const { byId, available } = bankOf("cloze");

  it("blanks dates, names, places and figures in the verbatim quote, credited to the outlet", () => {
    // 11: only a fact's key slots (its date, figures, own people and places, a party's own words),
    // one per slot; never a name after its title, a list member, a name the sentence prints again,
    // nor one of the names so frequent they are guessed (Nagorno-Karabakh, Armenia, Azerbaijan);
    // and 2 paired accounts: the rival's words, then the party's own words blanked — which replace
    // the same blank without the rival account (the same sentence is never blanked twice).
    expect(available).toBe(11);
    expect(byId.get("q-91a63d23c650")).toMatchObject({
      prompt:
        "Fill in the blank. According to TASS: “On _____, Russian President Vladimir Putin, Azerbaijani President Ilham Aliyev, and Armenian Prime Minister Nikol Pashinyan signed a joint statement on a complete ceasefire in Nagorno-Karabakh.”",
      answer: "November 9, 2020",
      answerKind: "date",
      precision: "day",
    });
    expect(byId.get("q-505b834b45fa")).toBeUndefined();
    const words = [...byId.values()].filter((q) => q.answer === "local anti-terrorist measures");
    expect(words).toHaveLength(1);
    expect(words[0]?.prompt).toMatch(/ According to TASS: “Baku announced it was launching what it described as "_____" and demanded the withdrawal of Armenian troops from the region\.”$/);
    expect(words[0]?.factIds).toHaveLength(2);
    const answers = [...byId.values()].map((q) => q.answer);
    for (const a of ["Vladimir Putin", "Ilham Aliyev", "Nikol Pashinyan", "Nagorno-Karabakh", "Armenia", "Azerbaijan"]) expect(answers).not.toContain(a);
  });

  it("grades a year-less printed date with or without the year", () => {
    const q = byId.get("q-55900af854a9");
    expect(q).toMatchObject({ answer: "October 31", yearOptional: true });
    if (!q) return;
    for (const s of ["October 31", "31 October", "31 Oct 2020", "2020-10-31"]) expect(gradeAnswer(q, s).correct, s).toBe(true);
    expect(gradeAnswer(q, "31 October 2021").correct).toBe(false);
  });

  it("one sentence quoted by two facts gives each blank once", () => {
    const prompts = [...byId.values()].map((q) => `${q.prompt}|${String(q.answer)}`);
    expect(new Set(prompts).size).toBe(prompts.length);
  });
});
