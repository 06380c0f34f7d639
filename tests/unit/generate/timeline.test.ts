import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf, pick } from "./reference-helpers";

describe("timeline (fixture, seed 1)", () => {
  const { byId, available } = bankOf("timeline");

  it("orders 4–6 separable events", () => {
    expect(available).toBe(3);
    expect(pick(byId, "q-e5ef477e3414")).toEqual({
      prompt: "Put these events in chronological order, earliest first.",
      options: [
        "The ceasefire that ended the first war",
        "The deployment of Russian peacekeepers under the ceasefire statement",
        "The region's break from Azerbaijani rule",
        "The letter invoking the 1997 treaty",
      ],
      answer: [
        "The region's break from Azerbaijani rule",
        "The ceasefire that ended the first war",
        "The letter invoking the 1997 treaty",
        "The deployment of Russian peacekeepers under the ceasefire statement",
      ],
      factIds: ["breakaway-1980s", "ceasefire-1994", "letter-1997-treaty", "peacekeepers-deployed"],
    });
  });

  it("grades order with partial credit for pairs in order", () => {
    const q = byId.get("q-e5ef477e3414");
    if (!q) throw new Error("missing");
    const a = q.answer as string[];
    expect(gradeAnswer(q, a)).toMatchObject({ correct: true, partial: 1 });
    const swapped = [a[1], a[0], a[2], a[3]];
    expect(gradeAnswer(q, swapped)).toMatchObject({ correct: false, partial: 5 / 6 });
    expect(gradeAnswer(q, "nope")).toMatchObject({ correct: false, partial: 0 });
  });
});
