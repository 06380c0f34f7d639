import { describe, expect, it } from "vitest";
import { sameResponse } from "@/lib/quiz/same-response";

describe("sameResponse", () => {
  it("compares JSON values deeply; object keys in any order, arrays in order", () => {
    expect(sameResponse("True", "True")).toBe(true);
    expect(sameResponse("True", "False")).toBe(false);
    expect(sameResponse("Pashinyan", "Pashinyan ")).toBe(false);
    expect(sameResponse(["a", "b", "c"], ["a", "b", "c"])).toBe(true);
    expect(sameResponse(["a", "b", "c"], ["a", "c", "b"])).toBe(false);
    expect(sameResponse([{ left: "x", right: "y" }], [{ right: "y", left: "x" }])).toBe(true);
    expect(sameResponse([{ left: "x", right: "y" }], [{ left: "x", right: "z" }])).toBe(false);
    expect(sameResponse({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameResponse([], {})).toBe(false);
    expect(sameResponse(null, "")).toBe(false);
    expect(sameResponse(1, "1")).toBe(false);
  });

  it("treats a blank typed answer as the empty string it is stored as", () => {
    expect(sameResponse("", "   ")).toBe(true);
    expect(sameResponse("\t", "")).toBe(true);
  });
});
