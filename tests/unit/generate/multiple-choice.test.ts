import { describe, expect, it } from "vitest";
import { bankOf, pick } from "./reference-helpers";

// Reference values for seed 1 on the fixture, checked by eye: each wrong
// option is false for the stem (see the comments); options are in seeded order.
describe("multiple-choice (fixture, seed 1)", () => {
  const { byId, available } = bankOf("multiple-choice");

  it("builds one question per askable field that has enough safe distractors", () => {
    // 22: wrong options must share the answer's fine category, and the fixture has
    // only one region and one corridor, so no place question finds two; who took
    // part in talks or a meeting is typed only (an aide might have been there); a
    // leaders' statement offers only leaders the articles show in its year.
    expect(available).toBe(22);
  });

  it("dates: near, and never the date of another Putin–Pashinyan call", () => {
    // 2 November (Putin–Aliyev call) would be a fair distractor; 27 September
    // 2020 and 20 September 2023 (other Putin–Pashinyan calls) are excluded.
    expect(pick(byId, "q-0e498320b116")).toEqual({
      prompt: "When did the first of the two phone calls that followed the letter invoking the 1997 treaty take place?",
      options: ["1 November 2020", "29 October 2020", "30 October 2020", "31 October 2020"],
      answer: "1 November 2020",
      factIds: ["call-2020-11-01"],
    });
  });

  it("people: a leaders' statement offers only leaders, so with the other signatories in the stem it is not multiple choice", () => {
    // Before: "Wang Yi" (met in 2023) and "Dmitry Peskov" (a spokesman) beside Nikol Pashinyan — only one option fits.
    expect(byId.has("q-68516d2786f0")).toBe(false);
    const typed = bankOf("short-answer").byId;
    expect([...typed.values()].some((q) => q.factIds[0] === "trilateral-statement" && q.about === "who")).toBe(true);
  });

  it("places: no question when fewer than two places of the answer's fine category are safe", () => {
    expect(byId.has("q-95bd055a04ec")).toBe(false);
  });

  it("a hedged figure is asked as what was said; each wrong figure has its own hedge and contradicts the key", () => {
    expect(pick(byId, "q-cf02d38c4631")).toEqual({
      prompt: "What figure did Vladimir Putin give for the number of children in the sheltering of civilians at the main peacekeeping base?",
      // Each wrong figure in its own band (below 200, about 450 = 338–563, 800): none is true together with another.
      options: ["more than 1,000", "800", "fewer than 200", "about 450"],
      answer: "more than 1,000",
      factIds: ["civilians-at-base"],
    });
  });
});
