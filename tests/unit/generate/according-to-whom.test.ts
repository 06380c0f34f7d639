import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf, pick } from "./reference-helpers";

describe("according-to-whom (fixture, seed 1)", () => {
  const { byId, available } = bankOf("according-to-whom");

  it("asks who made an attributed claim, options in seeded order, the rival party among them", () => {
    // 5: three claims, and two paired accounts ("Baku described …; which side called it …?").
    expect(available).toBe(5);
    expect(pick(byId, "q-cecac564f7aa")).toEqual({
      prompt: "Which party described the September 2023 operation as “local anti-terrorist measures”?",
      options: ["the government of Azerbaijan", "the government of Armenia", "the Kremlin"],
      answer: "the government of Azerbaijan",
      factIds: ["baku-local-measures"],
    });
  });

  it("accepts the option, its index or (typed) an alias", () => {
    const q = byId.get("q-cecac564f7aa");
    if (!q) throw new Error("missing");
    expect(gradeAnswer(q, "the government of Azerbaijan").correct).toBe(true);
    expect(gradeAnswer(q, 0).correct).toBe(true);
    expect(gradeAnswer(q, 2).correct).toBe(false);
    expect(gradeAnswer(q, 9)).toMatchObject({ correct: false, reason: "option index 9 is out of range" });
  });

  it("explains whose account it is and who gives a different one", () => {
    expect(byId.get("q-cecac564f7aa")?.explanation).toContain("This is the account of the government of Azerbaijan as reported by TASS; the government of Armenia gives a different account, so it is not an established fact.");
    expect(byId.get("q-cecac564f7aa")?.explanation).toContain("Source: /sources/tass-2023-09-20#baku-local-measures");
  });
});
