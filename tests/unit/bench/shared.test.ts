import { describe, expect, it } from "vitest";
import { arg, flag } from "@/scripts/bench/shared/args";
import { median, percentile } from "@/scripts/bench/shared/percentiles";
import { seededRandom } from "@/scripts/bench/shared/seeded-random";

describe("bench arguments", () => {
  const argv = ["node", "bench.ts", "--students", "7", "--smoke"];
  it("reads a given value before any fallback, even under --smoke", () => {
    expect(arg("students", "50", "3", argv)).toBe("7");
  });
  it("takes the smoke fallback only under --smoke", () => {
    expect(arg("grades", "40", "3", argv)).toBe("3");
    expect(arg("grades", "40", "3", ["node", "bench.ts"])).toBe("40");
    expect(arg("deck", "everything", undefined, argv)).toBe("everything");
  });
  it("sees bare flags", () => {
    expect(flag("smoke", argv)).toBe(true);
    expect(flag("no-build", argv)).toBe(false);
  });
});

describe("bench percentiles", () => {
  const xs = Array.from({ length: 10 }, (_, i) => i + 1); // 1..10
  it("takes the nearest rank: ceil(p/100 · n)-th value", () => {
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 90)).toBe(9);
    expect(percentile(xs, 99)).toBe(10);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
  it("takes the median of an unsorted list, averaging the middle pair of an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("bench seeded random numbers", () => {
  it("repeats for a seed, differs across seeds, and stays in [0, 1)", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const seqA = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(seqA);
    expect(Array.from({ length: 1000 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    // Roughly uniform: the mean of 1000 draws is near 1/2.
    expect(Math.abs(seqA.reduce((s, x) => s + x, 0) / seqA.length - 0.5)).toBeLessThan(0.05);
  });
});
