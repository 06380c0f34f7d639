import { describe, expect, it } from "vitest";
import { isHiddenItem, withoutHidden } from "@/lib/classes/hidden-facts";

describe("hidden facts", () => {
  it("an item is hidden when any of its facts is", () => {
    const hidden = new Set(["f2"]);
    expect(isHiddenItem(["f1"], hidden)).toBe(false);
    expect(isHiddenItem(["f1", "f2"], hidden)).toBe(true);
    expect(isHiddenItem([], hidden)).toBe(false);
    expect(isHiddenItem(["f2"], new Set())).toBe(false);
  });

  it("withoutHidden keeps order and drops questions and cards alike", () => {
    const questions = [{ id: "q1", factIds: ["f1"] }, { id: "q2", factIds: ["f3", "f2"] }, { id: "q3", factIds: ["f3"] }];
    const cards = [{ id: "c1", factId: "f2" }, { id: "c2", factId: "f1" }];
    expect(withoutHidden(questions, (q) => q.factIds, new Set(["f2"])).map((q) => q.id)).toEqual(["q1", "q3"]);
    expect(withoutHidden(cards, (c) => [c.factId], new Set(["f2"])).map((c) => c.id)).toEqual(["c2"]);
    expect(withoutHidden(cards, (c) => [c.factId], new Set())).toEqual(cards);
  });
});
