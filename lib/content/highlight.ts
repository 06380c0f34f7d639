/** A quote's place in an article body (half-open character range). */
export type QuoteRange = { factId: string; start: number; end: number };

/** A run of text inside one paragraph, with the facts whose quotes cover it. */
export type Segment = { text: string; factIds: string[]; anchor?: string };

/**
 * Splits an article body into paragraphs (blank-line separated) and each
 * paragraph into runs, so that every run is covered by the same set of quotes.
 * The first run of each fact's quote carries `anchor` = the fact id, so
 * `/sources/<slug>#<fact-id>` scrolls to the start of the cited sentence.
 * Overlapping quotes are fine: a run lists every fact that covers it.
 */
export function segmentBody(body: string, ranges: readonly QuoteRange[]): Segment[][] {
  const paragraphs: { start: number; end: number }[] = [];
  const re = /\n\s*\n/g;
  let at = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    paragraphs.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  paragraphs.push({ start: at, end: body.length });

  const anchored = new Set<string>();
  return paragraphs
    .filter((p) => body.slice(p.start, p.end).trim() !== "")
    .map((p) => {
      const cuts = new Set([p.start, p.end]);
      for (const r of ranges) {
        if (r.end <= p.start || r.start >= p.end) continue;
        cuts.add(Math.max(r.start, p.start));
        cuts.add(Math.min(r.end, p.end));
      }
      const points = [...cuts].sort((a, b) => a - b);
      const segments: Segment[] = [];
      for (let i = 0; i + 1 < points.length; i++) {
        const s = points[i]!;
        const e = points[i + 1]!;
        const factIds = ranges.filter((r) => r.start <= s && r.end >= e).map((r) => r.factId);
        const seg: Segment = { text: body.slice(s, e), factIds };
        const first = ranges.find((r) => r.start === s && !anchored.has(r.factId));
        if (first) {
          anchored.add(first.factId);
          seg.anchor = first.factId;
        }
        segments.push(seg);
      }
      return segments;
    });
}
