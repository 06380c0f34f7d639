import { describe, expect, it } from "vitest";
import { sentenceAround } from "@/lib/content/sentence-around";

const body = [
  "MOSCOW, July 7. /TASS/. Russian President Vladimir Putin and Armenia’s Acting Prime Minister Nikol Pashinyan will indeed discuss Nagorno-Karabakh during Wednesday’s talks, but there are no plans to sign any documents, Kremlin Spokesman Dmitry Peskov told reporters. ",
  "",
  "Russian President Vladimir Putin speaking at the Valdai Club on Oct. 22 said nothing. \"This report is not true,\" Peskov replied. \"Of course, Karabakh will be discussed.\"",
].join("\n");

describe("sentenceAround", () => {
  it("widens a fragment to its sentence, verbatim, without the dateline (which ends at /TASS/.)", () => {
    expect(sentenceAround(body, "there are no plans to sign any documents")).toBe(
      "Russian President Vladimir Putin and Armenia’s Acting Prime Minister Nikol Pashinyan will indeed discuss Nagorno-Karabakh during Wednesday’s talks, but there are no plans to sign any documents, Kremlin Spokesman Dmitry Peskov told reporters.",
    );
  });

  it("does not end a sentence at an abbreviation followed by a number, and ends one before an opening quote", () => {
    expect(sentenceAround(body, "the Valdai Club")).toBe("Russian President Vladimir Putin speaking at the Valdai Club on Oct. 22 said nothing.");
    expect(sentenceAround(body, "Peskov replied")).toBe('"This report is not true," Peskov replied.');
  });

  it("keeps a quote that spans two sentences whole, and returns a full sentence unchanged", () => {
    expect(sentenceAround(body, "Peskov replied. \"Of course")).toBe('"This report is not true," Peskov replied. "Of course, Karabakh will be discussed."');
    expect(sentenceAround(body, '"Of course, Karabakh will be discussed."')).toBe('"Of course, Karabakh will be discussed."');
  });

  it("is null for a quote that is not in the body", () => {
    expect(sentenceAround(body, "no such words")).toBeNull();
  });
});
