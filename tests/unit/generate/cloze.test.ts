import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf } from "./reference-helpers";

describe("cloze (fixture, seed 1)", () => {
  const { byId, available } = bankOf("cloze");

  it("blanks dates, names, places and figures in the verbatim quote, credited to the outlet", () => {
    // 46: the claims' own parties (Baku, Yerevan, Putin) are never the blank.
    expect(available).toBe(46);
    expect(byId.get("q-91a63d23c650")).toMatchObject({
      prompt:
        "Fill in the blank. According to TASS: “On _____, Russian President Vladimir Putin, Azerbaijani President Ilham Aliyev, and Armenian Prime Minister Nikol Pashinyan signed a joint statement on a complete ceasefire in Nagorno-Karabakh.”",
      answer: "November 9, 2020",
      answerKind: "date",
      precision: "day",
    });
    expect(byId.get("q-0aca5ffb4b97")).toMatchObject({
      prompt:
        "Fill in the blank. According to TASS: “Russian peacekeepers were deployed along the engagement line in _____ and along the Lachin Corridor that connects Armenia and _____.”",
      answer: "Nagorno-Karabakh",
    });
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
