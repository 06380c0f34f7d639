import { describe, expect, it } from "vitest";
import { normaliseText, normaliseWithMap, quoteAppearsIn } from "@/lib/content/normalise";

describe("normaliseText", () => {
  it("folds every run of white space (incl. non-breaking space, tabs, newlines) into one space and trims", () => {
    expect(normaliseText("  Peskov\u00a0 replied\n\n\twhen  ")).toBe("Peskov replied when");
  });

  it("makes typographic quotes and dashes plain", () => {
    expect(normaliseText("‘in its territory’ – “Kremlin” — Russia’s")).toBe("'in its territory' - \"Kremlin\" - Russia's");
  });

  it("changes nothing else: case, spelling, other punctuation and letters stay", () => {
    expect(normaliseText("is was possible… Tbilisi É «x»")).toBe("is was possible… Tbilisi É «x»");
    expect(normaliseText("Baku")).not.toBe(normaliseText("baku"));
  });

  it("maps each output character back to its original index", () => {
    const { text, map } = normaliseWithMap(" a \u00a0b’");
    expect(text).toBe("a b'");
    expect(map).toEqual([1, 2, 4, 5]);
  });
});

describe("quoteAppearsIn", () => {
  const body = "Yerevan, in turn, said there were no Armenian forces in Karabakh, calling what was happening \"an act of large-scale aggression.\"";

  it("accepts a verbatim clause with different white space and curly quotes", () => {
    expect(quoteAppearsIn(body, "calling what was happening\n“an act of large-scale aggression.”")).toBe(true);
  });

  it("rejects a paraphrase or a changed word", () => {
    expect(quoteAppearsIn(body, "calling it an act of large-scale aggression")).toBe(false);
    expect(quoteAppearsIn(body, "there were no Armenian troops in Karabakh")).toBe(false);
  });

  it("rejects an empty quote", () => {
    expect(quoteAppearsIn(body, "   ")).toBe(false);
  });
});
