import { describe, expect, it } from "vitest";
import { InvalidGrade, parseGrade } from "@/lib/srs/grade";

describe("parseGrade", () => {
  it("accepts 1–4 and their string forms", () => {
    expect([1, 2, 3, 4, "1", " 4 "].map(parseGrade)).toEqual([1, 2, 3, 4, 1, 4]);
  });
  it.each([0, 5, 2.5, -1, NaN, "Good", "", "3.0", null, undefined, true, [3], { grade: 3 }])("refuses %j with InvalidGrade", (v) => {
    expect(() => parseGrade(v)).toThrow(InvalidGrade);
  });
  it("keeps the refused value", () => {
    try {
      parseGrade("x");
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidGrade);
      expect((e as InvalidGrade).value).toBe("x");
    }
  });
});
