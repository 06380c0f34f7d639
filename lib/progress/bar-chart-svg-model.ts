import type { DayCount } from "./reviews-per-day";

export type Bar = { x: number; y: number; w: number; h: number; day: string; count: number };
export type Tick = { value: number; y: number };
export type BarChartModel = { bars: Bar[]; maxCount: number; ticks: Tick[] };

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The smallest of 1, 2, 5, 10, 20, 50 … that splits `max` into at most 4 steps. */
function tickStep(max: number): number {
  for (let p = 1; ; p *= 10) {
    for (const m of [1, 2, 5]) if (m * p * 4 >= max) return m * p;
  }
}

/**
 * Geometry for a bar chart drawn in a `width × height` SVG viewBox, origin
 * top left, bars growing up from the bottom edge.
 *
 * - n bars, `gap` px apart (default 2): each `w = (width − gap·(n−1)) / n`
 *   wide, bar i at `x = i·(w + gap)`;
 * - the value axis runs from 0 to `top`, the first multiple of the tick step
 *   ≥ the largest count, the step being the smallest of 1, 2, 5, 10, 20, 50 …
 *   giving at most 4 steps (all counts 0: top = step = 1);
 * - a bar is `h = count / top · height` tall at `y = height − h`;
 * - ticks at 0, step, …, top with their `y`.
 * Numbers are rounded to 2 decimals (stable SVG text).
 */
export function barChartSvgModel(series: readonly DayCount[], size: { width: number; height: number; gap?: number }): BarChartModel {
  const { width, height } = size;
  const n = series.length;
  const maxCount = series.reduce((m, d) => Math.max(m, d.count), 0);
  const step = tickStep(maxCount);
  const top = Math.max(step, Math.ceil(maxCount / step) * step);
  const gap = n > 1 ? (size.gap ?? 2) : 0;
  const w = n ? Math.max(0, (width - gap * (n - 1)) / n) : 0;
  const bars = series.map((d, i) => {
    const h = (d.count / top) * height;
    return { x: round2(i * (w + gap)), y: round2(height - h), w: round2(w), h: round2(h), day: d.day, count: d.count };
  });
  const ticks: Tick[] = [];
  for (let v = 0; v <= top; v += step) ticks.push({ value: v, y: round2(height - (v / top) * height) });
  return { bars, maxCount, ticks };
}
