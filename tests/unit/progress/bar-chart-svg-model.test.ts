import { describe, expect, it } from "vitest";
import { barChartSvgModel } from "@/lib/progress/bar-chart-svg-model";

const days = (...counts: number[]): { day: string; count: number }[] => counts.map((count, i) => ({ day: `2024-05-0${i + 1}`, count }));

describe("barChartSvgModel", () => {
  it("bars of (100 − 3·2) / 4 = 23.5 px; axis to 8 in steps of 2 for a maximum of 7", () => {
    expect(barChartSvgModel(days(0, 3, 7, 2), { width: 100, height: 50 })).toEqual({
      bars: [
        { x: 0, y: 50, w: 23.5, h: 0, day: "2024-05-01", count: 0 },
        { x: 25.5, y: 31.25, w: 23.5, h: 18.75, day: "2024-05-02", count: 3 },
        { x: 51, y: 6.25, w: 23.5, h: 43.75, day: "2024-05-03", count: 7 },
        { x: 76.5, y: 37.5, w: 23.5, h: 12.5, day: "2024-05-04", count: 2 },
      ],
      maxCount: 7,
      ticks: [
        { value: 0, y: 50 },
        { value: 2, y: 37.5 },
        { value: 4, y: 25 },
        { value: 6, y: 12.5 },
        { value: 8, y: 0 },
      ],
    });
  });

  it("no reviews: flat bars and an axis from 0 to 1", () => {
    const m = barChartSvgModel(days(0, 0), { width: 10, height: 10, gap: 0 });
    expect(m.bars.map((b) => [b.x, b.w, b.h, b.y])).toEqual([
      [0, 5, 0, 10],
      [5, 5, 0, 10],
    ]);
    expect(m.ticks).toEqual([
      { value: 0, y: 10 },
      { value: 1, y: 0 },
    ]);
  });

  it("nice steps: 100 → 0, 50, 100; 9 → steps of 5 up to 10; one bar fills the width", () => {
    expect(barChartSvgModel(days(100), { width: 30, height: 100 }).ticks.map((t) => t.value)).toEqual([0, 50, 100]);
    expect(barChartSvgModel(days(9, 1), { width: 30, height: 100 }).ticks.map((t) => t.value)).toEqual([0, 5, 10]);
    expect(barChartSvgModel(days(1), { width: 30, height: 100 }).bars).toEqual([{ x: 0, y: 0, w: 30, h: 100, day: "2024-05-01", count: 1 }]);
    expect(barChartSvgModel([], { width: 30, height: 100 })).toEqual({ bars: [], maxCount: 0, ticks: [{ value: 0, y: 100 }, { value: 1, y: 0 }] });
  });
});
