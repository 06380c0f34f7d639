import { describe, expect, it } from "vitest";
import { segmentBody } from "@/lib/content/highlight";

describe("segmentBody", () => {
  const body = "One two three.\n\nFour five six. Seven.";
  it("splits paragraphs and marks quoted runs, anchoring each fact at its first run", () => {
    // "two three" in paragraph 1; "five six. Seven" and an overlapping "six" in paragraph 2.
    const p = segmentBody(body, [
      { factId: "a", start: 4, end: 13 },
      { factId: "b", start: 21, end: 36 },
      { factId: "c", start: 26, end: 29 },
    ]);
    expect(p).toEqual([
      [
        { text: "One ", factIds: [] },
        { text: "two three", factIds: ["a"], anchor: "a" },
        { text: ".", factIds: [] },
      ],
      [
        { text: "Four ", factIds: [] },
        { text: "five ", factIds: ["b"], anchor: "b" },
        { text: "six", factIds: ["b", "c"], anchor: "c" },
        { text: ". Seven", factIds: ["b"] },
        { text: ".", factIds: [] },
      ],
    ]);
  });
  it("returns each paragraph whole when nothing is quoted, and drops blank paragraphs", () => {
    expect(segmentBody("A.\n\n\n\nB.", [])).toEqual([[{ text: "A.", factIds: [] }], [{ text: "B.", factIds: [] }]]);
  });
});
