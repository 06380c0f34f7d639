import { describe, expect, it } from "vitest";
import { reviewsPerDay } from "@/lib/progress/reviews-per-day";
import { streak } from "@/lib/progress/streak";

const at = (iso: string): { reviewedAt: Date } => ({ reviewedAt: new Date(iso) });

describe("reviewsPerDay", () => {
  it("buckets by study day in the student's zone (Yerevan, UTC+4, day from 4 am), oldest first, zero-filled", () => {
    const now = new Date("2024-05-02T15:00:00Z"); // 19:00 in Yerevan: study day 2024-05-02
    const logs = [
      at("2024-05-01T23:30:00Z"), // 03:30 on 2 May local → still 1 May
      at("2024-05-02T00:00:00Z"), // 04:00 on 2 May → 2 May
      at("2024-05-02T14:00:00Z"),
      at("2024-04-28T00:00:00Z"), // 04:00 on 28 Apr → first day of the window
      at("2024-04-27T23:59:00Z"), // 03:59 on 28 Apr → 27 Apr, outside
      at("2024-05-03T00:00:00Z"), // tomorrow: not counted
    ];
    expect(reviewsPerDay(logs, now, "Asia/Yerevan", 4, 5)).toEqual([
      { day: "2024-04-28", count: 1 },
      { day: "2024-04-29", count: 0 },
      { day: "2024-04-30", count: 0 },
      { day: "2024-05-01", count: 1 },
      { day: "2024-05-02", count: 2 },
    ]);
  });

  it("30 days by default, across a month end", () => {
    const series = reviewsPerDay([], new Date("2024-03-10T12:00:00Z"), "UTC", 4);
    expect(series).toHaveLength(30);
    expect(series[0]).toEqual({ day: "2024-02-10", count: 0 });
    expect(series[29]).toEqual({ day: "2024-03-10", count: 0 });
  });
});

describe("streak", () => {
  const series = (...counts: number[]): { day: string; count: number }[] =>
    counts.map((count, i) => ({ day: `2024-05-${String(i + 1).padStart(2, "0")}`, count }));

  it.each([
    [[1, 1, 1], 3],
    [[0, 2, 5, 1], 3],
    [[1, 0, 1, 1, 0], 2], // nothing yet today: counted from yesterday
    [[1, 1, 0, 0], 0],
    [[0], 0],
    [[4], 1],
    [[], 0],
  ])("%j → %i", (counts, n) => {
    expect(streak(series(...counts))).toBe(n);
  });

  it("a missing day in the series breaks the streak", () => {
    expect(
      streak([
        { day: "2024-04-28", count: 1 },
        { day: "2024-05-01", count: 1 },
        { day: "2024-05-02", count: 1 },
      ]),
    ).toBe(2);
  });
});
