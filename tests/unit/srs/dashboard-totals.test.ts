import { describe, expect, it } from "vitest";
import { dashboardTotals } from "@/lib/srs/dashboard-totals";
import { studyMoreInput } from "@/lib/srs/study-more";

const q = (learning: string[], review: string[], fresh: string[]) => ({ learning, review, new: fresh, counts: { learning: learning.length, review: review.length, new: fresh.length } });

describe("dashboardTotals", () => {
  it("counts a card held by two decks once", () => {
    const everything = q(["l1", "l2"], ["r1", "r2"], ["n1", "n2"]);
    const part = q(["l1"], ["r2"], ["n2"]);
    expect(dashboardTotals([{ queue: everything, newLeft: 20 }, { queue: part, newLeft: 20 }], 200)).toEqual({ learning: 2, review: 2, new: 2 });
  });
  it("does not count the shared daily limits twice: new at most what the most generous deck allows", () => {
    const a = q([], [], ["a1", "a2", "a3"]);
    const b = q([], [], ["b1", "b2", "b3"]);
    // 4 new cards left today for all decks: 3 + 3 distinct, but only 4 can be studied.
    expect(dashboardTotals([{ queue: a, newLeft: 4 }, { queue: b, newLeft: 4 }], 200).new).toBe(4);
    // A deck whose assignment raised its allowance to 5 offers more.
    expect(dashboardTotals([{ queue: a, newLeft: 4 }, { queue: b, newLeft: 5 }], 200).new).toBe(5);
  });
  it("reviews at most what the daily limit leaves, unless a deck reviews ahead past it", () => {
    const a = q([], ["r1", "r2"], []);
    const b = q([], ["r3", "r4"], []);
    expect(dashboardTotals([{ queue: a, newLeft: 0 }, { queue: b, newLeft: 0 }], 3).review).toBe(3);
    const ahead = q([], ["r1", "r2", "r5", "r6"], []);
    expect(dashboardTotals([{ queue: ahead, newLeft: 0 }, { queue: b, newLeft: 0 }], 3).review).toBe(4);
    expect(dashboardTotals([], -5)).toEqual({ learning: 0, review: 0, new: 0 });
  });
});

describe("studyMoreInput", () => {
  it("reads the two choices with their bounds", () => {
    expect(studyMoreInput.parse({ kind: "new", deckId: "war-2020", from: "review", amount: " 15 " })).toEqual({ kind: "new", deckId: "war-2020", from: "review", amount: 15 });
    expect(studyMoreInput.parse({ kind: "ahead", deckId: "war-2020", from: "deck", amount: "30" }).amount).toBe(30);
  });
  it("refuses out-of-range or malformed amounts, unknown choices and odd deck ids, naming the field", () => {
    const issue = (input: Record<string, unknown>) => studyMoreInput.safeParse(input).error?.issues[0];
    expect(issue({ kind: "new", deckId: "d", from: "deck", amount: "101" })?.path).toEqual(["amount"]);
    expect(issue({ kind: "new", deckId: "d", from: "deck", amount: "0" })?.path).toEqual(["amount"]);
    expect(issue({ kind: "ahead", deckId: "d", from: "deck", amount: "31" })?.path).toEqual(["amount"]);
    expect(issue({ kind: "ahead", deckId: "d", from: "deck", amount: "2.5" })?.path).toEqual(["amount"]);
    expect(issue({ kind: "ahead", deckId: "D/../x", from: "deck", amount: "2" })?.path).toEqual(["deckId"]);
    expect(issue({ kind: "ahead", deckId: "d", from: "elsewhere", amount: "2" })?.path).toEqual(["from"]);
    expect(studyMoreInput.safeParse({ kind: "both", deckId: "d", from: "deck", amount: "2" }).success).toBe(false);
  });
});
