import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf, pick } from "./reference-helpers";

describe("timeline (fixture, seed 1)", () => {
  const { byId, available } = bankOf("timeline");

  it("orders 4–6 separable events", () => {
    // Only labels that carry no year, month or sequence word ("the 1997 treaty", "renewed", "the day after") are ordered.
    expect(available).toBe(1);
    // Putin's account of the civilians at the base is a claim dated by nothing
    // but its content, so it is never placed on a timeline as plain fact.
    expect(pick(byId, "q-836dab7694af")).toEqual({
      prompt: "Put these events in chronological order, earliest first.",
      options: [
        "The deployment of Russian peacekeepers under the ceasefire statement",
        "The region's break from Azerbaijani rule",
        "The meeting at which peacekeepers were said to be working with all parties",
        "The phone call in which Russia urged that all military action stop",
      ],
      answer: [
        "The region's break from Azerbaijani rule",
        "The phone call in which Russia urged that all military action stop",
        "The deployment of Russian peacekeepers under the ceasefire statement",
        "The meeting at which peacekeepers were said to be working with all parties",
      ],
      factIds: ["breakaway-1980s", "call-2020-09-27", "peacekeepers-deployed", "meeting-wang-yi"],
    });
    for (const q of byId.values()) expect(q.factIds).not.toContain("civilians-at-base");
  });

  it("grades order with partial credit for pairs in order", () => {
    const q = byId.get("q-836dab7694af");
    if (!q) throw new Error("missing");
    const a = q.answer as string[];
    expect(gradeAnswer(q, a)).toMatchObject({ correct: true, partial: 1 });
    const swapped = [a[1], a[0], ...a.slice(2)];
    const r = gradeAnswer(q, swapped);
    expect(r.correct).toBe(false);
    // 4 events: 6 pairs, of which swapping the first two breaks one.
    expect(r.partial).toBeCloseTo(5 / 6);
    expect(gradeAnswer(q, "nope")).toMatchObject({ correct: false, partial: 0 });
  });
});
