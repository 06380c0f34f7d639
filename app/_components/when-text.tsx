import { formatWhen } from "@/lib/content/when";
import type { Precision } from "@/lib/content/schema";

/** A corpus date as words; an inferred date says so, with the reason on hover and for screen readers. */
export function WhenText(props: { date: string; precision: string; part?: "early" | "mid" | "late"; inferred?: boolean; reason?: string | null }) {
  const text = formatWhen({ date: props.date, precision: props.precision as Precision, part: props.part });
  return (
    <time dateTime={props.precision === "decade" ? undefined : props.date}>
      {text}
      {props.inferred ? (
        <span className="ml-1 text-sm text-muted" title={props.reason ?? undefined}>
          (date inferred{props.reason ? <span className="sr-only">: {props.reason}</span> : null})
        </span>
      ) : null}
    </time>
  );
}
