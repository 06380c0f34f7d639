import type { QueueCounts } from "@/lib/srs/dashboard-totals";

/** "3 new · 1 learning · 12 due", in the review screen's colours. */
export function DueCounts({ counts, testId }: { counts: QueueCounts; testId?: string }) {
  return (
    <span className="inline-flex gap-3 font-medium" data-testid={testId}>
      <span className="text-blue-800">{counts.new} new</span>
      <span className="text-red-800">{counts.learning} learning</span>
      <span className="text-green-800">{counts.review} due</span>
    </span>
  );
}
