import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf } from "./reference-helpers";

describe("short-answer (fixture, seed 1)", () => {
  const { byId, available } = bankOf("short-answer");

  it("people, places and figures", () => {
    // 21: a claim's place is asked only by a hand-written stem in attributed form.
    expect(available).toBe(21);
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

  it("a multi-place fact accepts any of its places", () => {
    const q = byId.get("q-549da709a70f");
    expect(q?.prompt).toBe("Name one place where the deployment of Russian peacekeepers under the ceasefire statement took place.");
    if (!q) return;
    expect(gradeAnswer(q, "Lachin corridor").correct).toBe(true);
    expect(gradeAnswer(q, "Karabakh").correct).toBe(true);
    expect(gradeAnswer(q, "Moscow").correct).toBe(false);
  });
});
