import { describe, expect, it } from "vitest";
import { bankOf, pick } from "./reference-helpers";

describe("true-false (fixture, seed 1)", () => {
  const { byId, available } = bankOf("true-false");

  it("covers the dates of non-claims only", () => {
    // 12: a wrong person or place could only be "not mentioned", never shown false.
    expect(available).toBe(12);
    for (const q of byId.values()) expect(q.about).toBe("when");
    for (const q of byId.values()) {
      expect(q.factIds).not.toContain("baku-local-measures");
      expect(q.factIds).not.toContain("civilians-at-base");
    }
  });

  it("a false date: 1993 is not the year of any ceasefire in the corpus", () => {
    expect(pick(byId, "q-40996194056d")).toEqual({
      prompt: "True or false? The ceasefire that ended the first war was reached in 1993.",
      options: ["True", "False"],
      answer: "False",
      factIds: ["ceasefire-1994"],
    });
  });

  it("a true date at month precision and a false one at decade precision", () => {
    expect(pick(byId, "q-b10be1f4d9b3").answer).toBe("True");
    expect(pick(byId, "q-b10be1f4d9b3").prompt).toBe(
      "True or false? The first of the two phone calls that followed the letter invoking the 1997 treaty took place on 1 November 2020.",
    );
    expect(pick(byId, "q-de06a5f1cd83")).toMatchObject({
      prompt: "True or false? The region's break from Azerbaijani rule came in the late 1970s.",
      answer: "False",
    });
  });

  it("never states who took part: the false participant of old was only not mentioned", () => {
    expect(byId.has("q-750b7718dbb5")).toBe(false);
    for (const q of byId.values()) expect(q.prompt).not.toMatch(/together with|took part in/);
  });
});
