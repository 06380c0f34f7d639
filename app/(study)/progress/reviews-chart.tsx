import { barChartSvgModel } from "@/lib/progress/bar-chart-svg-model";
import type { DayCount } from "@/lib/progress/reviews-per-day";

/**
 * Reviews per day as a small server-rendered SVG (no chart library), with a
 * text alternative. The SVG scales with the page, so its text would shrink to
 * a few pixels on a phone: the axis labels are HTML next to it instead, and
 * the SVG draws only grid lines and bars.
 */
export function ReviewsChart({ days }: { days: DayCount[] }) {
  const width = 600;
  const height = 160;
  const model = barChartSvgModel(days, { width, height });
  const total = days.reduce((n, d) => n + d.count, 0);
  const top = model.ticks[model.ticks.length - 1]?.value ?? 0;
  return (
    <figure className="space-y-1">
      <div className="flex gap-2">
        <div className="flex flex-col justify-between text-right text-xs text-stone-700 tabular-nums" aria-hidden="true">
          <span className="-translate-y-1/2">{top}</span>
          <span className="translate-y-1/2">0</span>
        </div>
        <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" className="h-32 w-full sm:h-40" role="img" aria-labelledby="chart-title chart-desc">
          <title id="chart-title">Reviews per day, last 30 days</title>
          <desc id="chart-desc">
            {total} reviews in 30 days; most in one day: {model.maxCount}.
          </desc>
          {model.ticks.map((t) => (
            <line key={t.value} x1={0} x2={width} y1={t.y} y2={t.y} stroke="#e7e5e4" vectorEffect="non-scaling-stroke" />
          ))}
          {model.bars.map((b) => (
            <rect key={b.day} x={b.x} y={b.y} width={b.w} height={b.h} fill="#1d4ed8">
              <title>{`${b.day}: ${b.count}`}</title>
            </rect>
          ))}
        </svg>
      </div>
      <div className="flex justify-between pl-6 text-xs text-stone-700" aria-hidden="true">
        <span>{days[0]?.day}</span>
        <span>{days[days.length - 1]?.day}</span>
      </div>
    </figure>
  );
}
