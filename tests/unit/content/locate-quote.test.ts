import { describe, expect, it } from "vitest";
import { locateQuote } from "@/lib/content/locate-quote";

describe("locateQuote", () => {
  const body = "First line.\n\n\"This report is not true,\" Peskov replied\u00a0when asked. Yerevan’s initiative.";

  it("returns the half-open range of the original text, across a non-breaking space", () => {
    const r = locateQuote(body, "Peskov replied when asked.");
    expect(r).toEqual({ start: 40, end: 66 });
    expect(body.slice(r!.start, r!.end)).toBe("Peskov replied\u00a0when asked.");
  });

  it("matches a straight apostrophe against a curly one and spans paragraphs", () => {
    const r = locateQuote(body, "asked. Yerevan's initiative");
    expect(r).toEqual({ start: 60, end: 87 });
    expect(body.slice(r!.start, r!.end)).toBe("asked. Yerevan’s initiative");
  });

  it("spans a paragraph break that the quote writes as one space", () => {
    const r = locateQuote(body, "First line. \"This report");
    expect(r).toEqual({ start: 0, end: 25 });
  });

  it("returns the first occurrence", () => {
    expect(locateQuote("ab ab ab", "ab")).toEqual({ start: 0, end: 2 });
  });

  it("returns null when the quote is absent or empty", () => {
    expect(locateQuote(body, "Peskov said when asked.")).toBeNull();
    expect(locateQuote(body, "")).toBeNull();
  });
});
