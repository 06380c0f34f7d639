import { describe, expect, it } from "vitest";
import { formatNumber, normalizeAnswer, parseNumberAnswer } from "@/lib/quiz/answers-text";

describe("normalizeAnswer", () => {
  it("folds case, diacritics, punctuation, apostrophes, a leading article and thousands separators", () => {
    expect(normalizeAnswer("  The Kremlin. ")).toBe("kremlin");
    expect(normalizeAnswer("Nagorno–Karabakh")).toBe("nagorno karabakh");
    expect(normalizeAnswer("Alíyev")).toBe("aliyev");
    expect(normalizeAnswer("Yerevan’s")).toBe("yerevans");
    expect(normalizeAnswer("2,000")).toBe("2000");
    expect(normalizeAnswer("2.5")).toBe("2.5");
  });
});

describe("parseNumberAnswer", () => {
  it.each([
    ["2000", 2000],
    ["2,000", 2000],
    ["more than 2,000", 2000],
    ["2 thousand", 2000],
    ["two thousand", 2000],
    ["more than 2,000 civilians", 2000],
    ["one hundred and twenty", 120],
  ])("%s → %d", (s, v) => {
    expect(parseNumberAnswer(s, "civilians")).toBe(v);
  });
  it("unreadable → null", () => {
    expect(parseNumberAnswer("lots")).toBeNull();
    expect(parseNumberAnswer("")).toBeNull();
  });
  it("formats with commas, independent of locale", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(999)).toBe("999");
  });
});
