import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf, pick } from "./reference-helpers";

describe("timeline (fixture, seed 1)", () => {
  const { byId, available } = bankOf("timeline");

  it("orders 4–6 separable events", () => {
    expect(available).toBe(3);
    // Putin's account of the civilians at the base is a claim dated by nothing
    // but its content, so it is never placed on a timeline as plain fact.
    expect(pick(byId, "q-d35c91f7549e")).toEqual({
      prompt: "Put these events in chronological order, earliest first.",
      options: [
        "The talks at which no documents were to be signed",
        "The deployment of Russian peacekeepers under the ceasefire statement",
        "The outbreak of renewed clashes in the disputed region",
        "The letter invoking the 1997 treaty",
        "The meeting at which peacekeepers were said to be working with all parties",
        "The ceasefire that ended the first war",
      ],
      answer: [
        "The ceasefire that ended the first war",
        "The outbreak of renewed clashes in the disputed region",
        "The letter invoking the 1997 treaty",
        "The deployment of Russian peacekeepers under the ceasefire statement",
        "The talks at which no documents were to be signed",
        "The meeting at which peacekeepers were said to be working with all parties",
      ],
      factIds: ["ceasefire-1994", "clashes-2020-09-27", "letter-1997-treaty", "peacekeepers-deployed", "talks-2021-07", "meeting-wang-yi"],
    });
    for (const q of byId.values()) expect(q.factIds).not.toContain("civilians-at-base");
  });

  it("grades order with partial credit for pairs in order", () => {
    const q = byId.get("q-d35c91f7549e");
    if (!q) throw new Error("missing");
    const a = q.answer as string[];
    expect(gradeAnswer(q, a)).toMatchObject({ correct: true, partial: 1 });
    const swapped = [a[1], a[0], ...a.slice(2)];
    const r = gradeAnswer(q, swapped);
    expect(r.correct).toBe(false);
    expect(r.partial).toBeCloseTo(14 / 15);
    expect(gradeAnswer(q, "nope")).toMatchObject({ correct: false, partial: 0 });
  });
});
