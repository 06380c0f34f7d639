import { describe, expect, it } from "vitest";
import { boundsAgree, formatNumber, normalizeAnswer, numberBound, parseNumberAnswer } from "@/lib/quiz/answers-text";

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

describe("numberBound and boundsAgree", () => {
  it.each([
    ["more than 2,000", "lower"],
    ["over 2000", "lower"],
    ["2,000+", "lower"],
    ["> 2000", "lower"],
    ["no fewer than 2,000", "lower"],
    ["fewer than 2,000", "upper"],
    ["no more than 2,000", "upper"],
    ["up to 1000", "upper"],
    ["nearly 1,000", "upper"],
    ["about 2,000", "about"],
    ["exactly 2,000", "exact"],
    ["2,000", "none"],
  ] as const)("%s → %s", (s, b) => {
    expect(numberBound(s)).toBe(b);
  });
  it("two hedges that disagree are no bound", () => {
    expect(numberBound("more than up to 2,000")).toBeNull();
  });
  it("a bound the other way round disagrees; a bare or approximate figure does not", () => {
    expect(boundsAgree("lower", "upper")).toBe(false);
    expect(boundsAgree("upper", "lower")).toBe(false);
    expect(boundsAgree("lower", "lower")).toBe(true);
    expect(boundsAgree("lower", "none")).toBe(true);
    expect(boundsAgree("lower", "about")).toBe(true);
    expect(boundsAgree("lower", "exact")).toBe(false);
    expect(boundsAgree("none", "lower")).toBe(false);
  });
  it("parses the value behind symbols", () => {
    expect(parseNumberAnswer("2,000+")).toBe(2000);
    expect(parseNumberAnswer("< 2000")).toBe(2000);
  });
});
