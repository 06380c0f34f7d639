import { describe, expect, it } from "vitest";
import { bankOf, pick } from "./reference-helpers";

// Reference values for seed 1 on the fixture, checked by eye: each wrong
// option is false for the stem (see the comments), dates/figures are in order.
describe("multiple-choice (fixture, seed 1)", () => {
  const { byId, available } = bankOf("multiple-choice");

  it("builds one question per askable field that has enough safe distractors", () => {
    // 29: wrong options must share the answer's fine category, and the fixture has
    // only one region and one corridor, so no place question finds two.
    expect(available).toBe(29);
  });

  it("dates: near, chronological, and never the date of another Putin–Pashinyan call", () => {
    // 2 November (Putin–Aliyev call) would be a fair distractor; 27 September
    // 2020 and 20 September 2023 (other Putin–Pashinyan calls) are excluded.
    expect(pick(byId, "q-0e498320b116")).toEqual({
      prompt: "When did the first of the two phone calls that followed the letter invoking the 1997 treaty take place?",
      options: ["29 October 2020", "30 October 2020", "31 October 2020", "1 November 2020"],
      answer: "1 November 2020",
      factIds: ["call-2020-11-01"],
    });
  });

  it("people: participants of a signed statement, the other signatories named in the stem", () => {
    expect(pick(byId, "q-68516d2786f0")).toEqual({
      prompt: "Who, together with Vladimir Putin and Ilham Aliyev, signed the joint statement on a complete ceasefire?",
      options: ["Dmitry Peskov", "Nikol Pashinyan", "Wang Yi"],
      answer: "Nikol Pashinyan",
      factIds: ["trilateral-statement"],
    });
  });

  it("places: no question when fewer than two places of the answer's fine category are safe", () => {
    expect(byId.has("q-95bd055a04ec")).toBe(false);
  });

  it("figures keep the hedge and only go above a lower bound", () => {
    expect(pick(byId, "q-cf02d38c4631")).toEqual({
      prompt: "According to Vladimir Putin, what figure is given for the number of children in the sheltering of civilians at the main peacekeeping base?",
      options: ["more than 1,000", "more than 1,500", "more than 5,000", "more than 10,000"],
      answer: "more than 1,000",
      factIds: ["civilians-at-base"],
    });
  });
});
