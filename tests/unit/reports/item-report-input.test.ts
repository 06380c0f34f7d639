import { describe, expect, it } from "vitest";
import { itemReportInputSchema, REPORT_NOTE_MAX } from "@/lib/reports/item-report-input";

describe("itemReportInputSchema", () => {
  it("takes a question with its attempt, or a card; trims the note, empty → null", () => {
    expect(itemReportInputSchema.parse({ kind: "question", attemptId: "a1", itemId: "q1", reason: "wrong-answer", note: "  see para 2 " })).toEqual({
      kind: "question",
      attemptId: "a1",
      itemId: "q1",
      reason: "wrong-answer",
      note: "see para 2",
    });
    expect(itemReportInputSchema.parse({ kind: "card", itemId: "c1", reason: "typo", note: "   " })).toEqual({ kind: "card", itemId: "c1", reason: "typo", note: null });
  });
  it("refuses a reason off the list, a long note, a question without its attempt, unknown fields", () => {
    expect(itemReportInputSchema.safeParse({ kind: "card", itemId: "c1", reason: "hate-it" }).success).toBe(false);
    expect(itemReportInputSchema.safeParse({ kind: "card", itemId: "c1", reason: "typo", note: "x".repeat(REPORT_NOTE_MAX + 1) }).success).toBe(false);
    expect(itemReportInputSchema.safeParse({ kind: "question", itemId: "q1", reason: "typo" }).success).toBe(false);
    expect(itemReportInputSchema.safeParse({ kind: "card", itemId: "c1", reason: "typo", userId: "someone" }).success).toBe(false);
    expect(itemReportInputSchema.safeParse({ kind: "fact", itemId: "f1", reason: "typo" }).success).toBe(false);
  });
});
