import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf } from "./reference-helpers";

describe("typed-date (fixture, seed 1)", () => {
  const { byId, available } = bankOf("typed-date");

  it("one per dated fact, carrying the fact's precision", () => {
    // 12: the three claims have no hand-written date stem, and a template could not
    // tell whether the date is part of the claim, so they get none.
    expect(available).toBe(12);
    const q = byId.get("q-dee330ded985");
    expect(q).toMatchObject({
      prompt: "When did the talks at which no documents were to be signed take place?",
      answer: "July 2021",
      acceptedAnswers: ["July 2021", "2021-07"],
      precision: "month",
      date: "2021-07",
    });
  });

  it("grades a day fact in every ordinary form and refuses slash dates", () => {
    const q = byId.get("q-b564519f2a0f");
    expect(q?.answer).toBe("9 November 2020");
    if (!q) return;
    for (const s of ["9 November 2020", "Nov 9, 2020", "2020-11-09", "November 9th 2020", "the 9th of November, 2020", "Monday, 9 Nov. 2020"]) {
      expect(gradeAnswer(q, s).correct, s).toBe(true);
    }
    expect(gradeAnswer(q, "November 2020")).toMatchObject({ correct: false, reason: "the source gives the day: include it" });
    expect(gradeAnswer(q, "10 November 2020").correct).toBe(false);
    const slash = gradeAnswer(q, "9/11/2020");
    expect(slash.correct).toBe(false);
    expect(slash.reason).toMatch(/ambiguous/);
  });

  it("grades a decade fact with its part", () => {
    const q = byId.get("q-678d02810289");
    expect(q).toMatchObject({ answer: "the late 1980s", precision: "decade", part: "late" });
    if (!q) return;
    expect(gradeAnswer(q, "late 1980s").correct).toBe(true);
    // Less precise ("1980s") or more precise than the source ("1988") is not the answer.
    expect(gradeAnswer(q, "1980s").correct).toBe(false);
    expect(gradeAnswer(q, "1988").correct).toBe(false);
    expect(gradeAnswer(q, "early 1980s").correct).toBe(false);
    expect(gradeAnswer(q, "1991").correct).toBe(false);
  });
});
