import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/quiz/grade";
import { bankOf } from "./reference-helpers";

describe("matching (fixture, seed 1)", () => {
  const { byId, available } = bankOf("matching");

  it("dates ↔ events and people ↔ roles", () => {
    // Labels that print a year or a sequence word ("the 1997 treaty", "renewed clashes") would give their date away: not paired.
    expect(available).toBe(2);
    expect(byId.get("q-e440140f54ba")).toMatchObject({
      prompt: "Match each event to its date.",
      answer: [
        { left: "The meeting at which peacekeepers were said to be working with all parties", right: "20 September 2023" },
        { left: "The signing of the joint statement on a complete ceasefire", right: "9 November 2020" },
        { left: "The phone call in which Russia urged that all military action stop", right: "27 September 2020" },
      ],
    });
    // Putin's account of the civilians at the base is a claim: its date is never paired as plain fact.
    for (const q of byId.values()) if (q.about === "date-event") expect(q.factIds).not.toContain("civilians-at-base");
    // Peskov's role has no quote in the fixture, so he is never asked; each role is cited with its own words.
    expect(byId.get("q-57a052cc7498")).toMatchObject({
      prompt: "Match each person to the role the articles give them.",
      left: ["Ilham Aliyev", "Nikol Pashinyan", "Wang Yi", "Vladimir Putin"],
      right: ["Prime Minister of Armenia", "President of Azerbaijan", "President of Russia", "Foreign Minister of China"],
      answer: [
        { left: "Ilham Aliyev", right: "President of Azerbaijan" },
        { left: "Nikol Pashinyan", right: "Prime Minister of Armenia" },
        { left: "Wang Yi", right: "Foreign Minister of China" },
        { left: "Vladimir Putin", right: "President of Russia" },
      ],
      sources: [
        { slug: "asbarez-2020-11-02", quote: "Azerbaijani President Ilham Aliyev" },
        { slug: "asbarez-2020-11-02", quote: "Armenian Prime Minister Nikol Pashinyan" },
        { slug: "rt-2023-09-20", quote: "Chinese Foreign Minister Wang Yi" },
        { slug: "tass-2023-09-20", quote: "Russian President Vladimir Putin" },
      ],
    });
    expect(byId.get("q-57a052cc7498")?.explanation).toContain(
      "Nikol Pashinyan — Prime Minister of Armenia: “Armenian Prime Minister Nikol Pashinyan” — Asbarez. Source: /sources/asbarez-2020-11-02#call-2020-11-01",
    );
  });

  it("grades pairs as an array or an object, with partial credit", () => {
    const q = byId.get("q-57a052cc7498");
    if (!q) throw new Error("missing");
    expect(
      gradeAnswer(q, { "Ilham Aliyev": "President of Azerbaijan", "Wang Yi": "Foreign Minister of China", "Nikol Pashinyan": "Prime Minister of Armenia", "Vladimir Putin": "President of Russia" }).correct,
    ).toBe(true);
    const r = gradeAnswer(q, [
      { left: "Ilham Aliyev", right: "Foreign Minister of China" },
      { left: "Wang Yi", right: "President of Azerbaijan" },
      { left: "Nikol Pashinyan", right: "Prime Minister of Armenia" },
      { left: "Vladimir Putin", right: "President of Russia" },
    ]);
    expect(r.correct).toBe(false);
    expect(r.partial).toBeCloseTo(2 / 4);
    expect(gradeAnswer(q, 42)).toMatchObject({ correct: false, partial: 0 });
  });
});
