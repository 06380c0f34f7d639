import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf } from "./reference-helpers";

describe("short-answer (fixture, seed 1)", () => {
  const { byId, available } = bankOf("short-answer");

  it("people, places and figures", () => {
    // 17: a claim's place is asked only by a hand-written stem in attributed form, and no typed
    // where-question is keyed by the corpus's topic (Nagorno-Karabakh: it answers itself).
    expect(available).toBe(17);
    expect(byId.get("q-2591efb3e6ac")).toMatchObject({
      prompt: "What figure did Vladimir Putin give for the number of civilians in the sheltering of civilians at the main peacekeeping base?",
      answer: "more than 2,000",
      answerKind: "number",
      numberValue: 2000,
    });
  });

  it("grades figures by value in any form", () => {
    const q = byId.get("q-2591efb3e6ac");
    if (!q) throw new Error("missing");
    for (const s of ["2000", "2,000", "more than 2,000", "more than 2000 civilians", "two thousand"]) expect(gradeAnswer(q, s).correct, s).toBe(true);
    expect(gradeAnswer(q, "1000").correct).toBe(false);
  });

  it("grades names leniently: aliases, surname, case, diacritics", () => {
    const q = [...byId.values()].find((x) => x.answer === "Ilham Aliyev");
    if (!q) throw new Error("missing");
    expect(q.acceptedAnswers).toEqual(["Ilham Aliyev", "Ilham Aliev", "Aliyev", "Aliev"]);
    for (const s of ["ilham aliyev", "Aliev", "ALIYEV.", "Alíyev", "Ilham Aliev"]) expect(gradeAnswer(q, s).correct, s).toBe(true);
    expect(gradeAnswer(q, "Putin").correct).toBe(false);
  });

  it("“Name one place …” keyed by the topic is not asked: “Nagorno-Karabakh” would answer it without the fact", () => {
    // Before: "Name one place where the deployment of Russian peacekeepers under the ceasefire statement took place."
    expect(byId.has("q-549da709a70f")).toBe(false);
    for (const q of byId.values()) if (q.about === "where") expect(String(q.answer), q.prompt).not.toMatch(/Karabakh/);
  });
});
