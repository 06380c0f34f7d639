import { describe, expect, it } from "vitest";
import { intervalLabel } from "@/lib/srs/interval-label";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("intervalLabel (Anki's answer-button times)", () => {
  it.each([
    [0, "now"],
    [-M, "now"],
    [30 * S, "<30s"],
    [1 * M, "<1m"],
    [6 * M, "<6m"],
    [10 * M, "<10m"],
    [19 * M, "<19m"],
    [20 * M, "20m"],
    [59 * M, "59m"],
    [H, "1h"],
    [3 * H, "3h"],
    [D, "1d"],
    [4 * D, "4d"],
    [30 * D, "30d"], // 30 d < 365/12 d = 30.42 d
    [31 * D, "1mo"], // 31 / 30.4167 = 1.02 → "1mo", not "1.0mo"
    [97 * D, "3.2mo"], // 97 / 30.4167 = 3.189
    [364 * D, "12mo"], // 11.97 → 12
    [365 * D, "1y"],
    [402 * D, "1.1y"],
    [36500 * D, "100y"],
  ])("%d ms → %s", (ms, label) => {
    expect(intervalLabel(ms, 20)).toBe(label);
  });

  it("the '<' follows the learn-ahead limit", () => {
    expect(intervalLabel(10 * M, 0)).toBe("10m");
    expect(intervalLabel(10 * M, 10)).toBe("10m");
    expect(intervalLabel(10 * M, 11)).toBe("<10m");
  });
});
