import { describe, expect, it } from "vitest";
import { changesWordForm, typoAllowance, typoOf } from "@/lib/quiz/answer-typos";

describe("typoAllowance scales with length", () => {
  it.each([
    ["baku", 0],
    ["osce", 0],
    ["putin", 1],
    ["karabakh", 1],
    ["pashinyan", 2],
    ["sergey lavrov", 2],
  ])("%s → %d", (form, n) => {
    expect(typoAllowance(form)).toBe(n);
  });
});

describe("typoOf", () => {
  it("forgives a slip within the allowance", () => {
    expect(typoOf("karabagh", ["karabakh"], [])).toBe("karabakh");
    expect(typoOf("pashinian", ["nikol pashinyan", "pashinyan"], [])).toBe("pashinyan");
  });
  it("forgives nothing on short forms or beyond the allowance", () => {
    expect(typoOf("bako", ["baku"], [])).toBeNull();
    expect(typoOf("karabgah", ["karabakh"], [])).toBeNull();
  });
  it("never when another form is as near", () => {
    expect(typoOf("russian foreign ministr", ["russian foreign minister"], ["russian foreign ministry"])).toBeNull();
    expect(typoOf("russian foreign ministry", ["russian foreign minister"], ["russian foreign ministry"])).toBeNull();
  });
});

describe("changesWordForm", () => {
  it("an added ending is another word form, never a typo: Aliyeva is not Aliyev", () => {
    expect(changesWordForm("aliyeva", "aliyev")).toBe(true);
    expect(changesWordForm("ilham aliyeva", "ilham aliyev")).toBe(true);
    expect(typoOf("aliyeva", ["ilham aliyev", "aliyev"], [])).toBeNull();
  });
  it("a slip inside the word is still one", () => {
    expect(changesWordForm("aliyv", "aliyev")).toBe(false);
    expect(typoOf("aliyv", ["aliyev"], [])).toBe("aliyev");
    expect(typoOf("pashinian", ["pashinyan"], [])).toBe("pashinyan");
  });
});
