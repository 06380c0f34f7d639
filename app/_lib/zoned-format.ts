const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Tue 4 Mar 2025, 09:30" as clocks in `timeZone` read at `instant` (en-GB, 24-hour). */
export function formatInZone(instant: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  return f.format(instant).replace(" at ", ", ");
}

/** A duration in ms as "1 h 05 min", "12 min", "45 s" or "—" for none. */
export function formatDuration(ms: number): string {
  if (ms <= 0) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** A share 0..1 as a whole percentage ("67 %"), or "—". */
export function formatPercent(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)} %`;
}
