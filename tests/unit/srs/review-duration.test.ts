import { describe, expect, it } from "vitest";
import { clockAllowedDurationMs, MAX_REVIEW_DURATION_MS } from "@/lib/srs/review-duration";

const NOW = new Date("2026-03-02T10:00:00Z");

describe("clockAllowedDurationMs", () => {
  it("keeps an honest duration", () => {
    expect(clockAllowedDurationMs(4_000, new Date("2026-03-02T09:59:50Z"), NOW)).toBe(4_000);
  });
  it("never exceeds the time since the previous grade", () => {
    expect(clockAllowedDurationMs(60_000, new Date("2026-03-02T09:59:50Z"), NOW)).toBe(10_000);
  });
  it("never exceeds the review screen's own cap, first grade included", () => {
    expect(clockAllowedDurationMs(24 * 3_600_000, null, NOW)).toBe(MAX_REVIEW_DURATION_MS);
  });
  it("is whole and never negative", () => {
    expect(clockAllowedDurationMs(-5, null, NOW)).toBe(0);
    expect(clockAllowedDurationMs(1234.6, null, NOW)).toBe(1235);
  });
});
