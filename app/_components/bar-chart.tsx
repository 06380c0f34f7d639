import { barChartSvgModel } from "@/lib/progress/bar-chart-svg-model";
import type { DayCount } from "@/lib/progress/reviews-per-day";

/** Reviews per day as a small server-rendered SVG (no chart library), with a text alternative. */
export function ReviewsChart({ days }: { days: DayCount[] }) {
  const width = 600;
  const height = 160;
  const pad = { left: 28, bottom: 18 };
  const model = barChartSvgModel(days, { width: width - pad.left, height: height - pad.bottom });
  const total = days.reduce((n, d) => n + d.count, 0);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">Reviews per day, last 30 days</title>
        <desc id="chart-desc">
          {total} reviews in 30 days; most in one day: {model.maxCount}.
        </desc>
        {model.ticks.map((t) => (
          <g key={t.value}>
            <line x1={pad.left} x2={width} y1={t.y} y2={t.y} stroke="#e7e5e4" />
            <text x={pad.left - 4} y={t.y + 4} textAnchor="end" fontSize="11" fill="#57534e">
              {t.value}
            </text>
          </g>
        ))}
        {model.bars.map((b) => (
          <rect key={b.day} x={pad.left + b.x} y={b.y} width={b.w} height={b.h} fill="#1d4ed8" rx="1">
            <title>{`${b.day}: ${b.count}`}</title>
          </rect>
        ))}
        <text x={pad.left} y={height - 4} fontSize="11" fill="#57534e">
          {days[0]?.day}
        </text>
        <text x={width} y={height - 4} fontSize="11" fill="#57534e" textAnchor="end">
          {days[days.length - 1]?.day}
        </text>
      </svg>
    </figure>
  );
}
