import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { classFactReport } from "@/lib/data/reports";
import { sortFactRows, type FactColumn, type SortDirection } from "@/lib/reports/fact-columns";
import { factsToReteach } from "@/lib/reports/facts-to-reteach";
import { heat, type HeatClass } from "@/lib/reports/heat";
import { classOr404 } from "@/app/(teach)/teach/load";
import { formatPercent } from "@/app/_lib/zoned-format";

export const metadata: Metadata = { title: "What the class knows" };

/** Heat classes as Tailwind colours: red (few know it) to green (nearly all do); text stays dark for contrast. */
const HEAT_STYLE: Record<HeatClass, string> = {
  "heat-0": "bg-red-200 text-red-950",
  "heat-1": "bg-orange-200 text-orange-950",
  "heat-2": "bg-amber-100 text-amber-950",
  "heat-3": "bg-lime-200 text-lime-950",
  "heat-4": "bg-green-300 text-green-950",
};

const COLUMNS = [
  { key: "factId", label: "Fact" },
  { key: "knowsShare", label: "Know it" },
  { key: "quizCorrectShare", label: "Quiz correct" },
  { key: "meanRecall", label: "Predicted recall" },
] as const satisfies readonly { key: FactColumn; label: string }[];

/** ?sort=…&dir=…: anything else falls back to the default order (fewest know it first). */
const sortQuery = z.object({
  sort: z.enum(COLUMNS.map((c) => c.key) as [FactColumn, ...FactColumn[]]).catch("knowsShare"),
  dir: z.enum(["asc", "desc"] satisfies SortDirection[]).catch("asc"),
});

function Cell({ share, detail }: { share: number | null; detail?: string }) {
  if (share === null) return <td className="px-3 py-1.5 text-muted">no data</td>;
  return (
    <td className={`px-3 py-1.5 font-medium tabular-nums whitespace-nowrap ${HEAT_STYLE[heat(share)]}`}>
      {formatPercent(share)}
      {detail ? <span className="block text-xs font-normal">{detail}</span> : null}
    </td>
  );
}

export default async function FactReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ classId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { classId } = await params;
  const { klass } = await classOr404(classId, (id) => `/teach/classes/${id}/facts`);
  const { sort, dir } = sortQuery.parse(await searchParams);
  const report = await classFactReport(klass.id, new Date());
  const byId = new Map(report.rows.map((r) => [r.factId, r]));
  const rows = sortFactRows(report.rows, sort, dir).map((r) => byId.get(r.factId)!);
  // Facts nobody has met yet are for teaching, not reteaching: the list looks only at facts with evidence.
  const met = report.rows.filter((r) => r.evidenceCount > 0);
  const reteach = factsToReteach(met, 3);
  const base = `/teach/classes/${klass.id}/facts`;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/teach/classes/${klass.id}`} className="text-accent underline underline-offset-4">
          ← {klass.name}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">What the class knows</h1>
        <p className="text-stone-700">
          {report.rows.length} facts {report.deckIds.length ? "from the decks assigned to this class" : "(nothing assigned yet: every fact)"}, {report.classSize} student
          {report.classSize === 1 ? "" : "s"}. A student knows a fact when their latest quiz answer on it was right, or — never asked — when FSRS predicts at least 90 %
          recall.
        </p>
        <a href={`/api/teach/classes/${klass.id}/facts-csv`} className="text-accent underline underline-offset-4" download>
          Download facts CSV
        </a>
      </header>

      {reteach.length ? (
        <section aria-labelledby="reteach-heading" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="reteach-heading" className="text-lg font-semibold">
            To reteach tomorrow
          </h2>
          <p className="text-sm text-stone-800">The facts the fewest students know, among those they have studied or been asked about.</p>
          <ol className="list-decimal space-y-1 pl-6" data-testid="reteach">
            {reteach.map((r) => {
              const full = byId.get(r.factId)!;
              return (
                <li key={r.factId}>
                  <span className="font-medium">{full.label}</span> — {r.knowsCount} of {report.classSize} know it
                  <span className="block text-sm text-stone-700">{full.statement}</span>
                </li>
              );
            })}
          </ol>
        </section>
      ) : met.length ? (
        <p className="rounded-lg border border-green-300 bg-green-50 p-4" data-testid="reteach-none">
          Nothing to reteach: every student knows every fact they have met so far.
        </p>
      ) : null}

      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Facts table (scrolls sideways)">
        <table className="w-full text-left text-sm" data-testid="fact-report">
          <caption className="sr-only">Facts, sorted by {COLUMNS.find((c) => c.key === sort)!.label} {dir === "asc" ? "ascending" : "descending"}</caption>
          <thead className="bg-stone-100">
            <tr>
              {COLUMNS.map((c) => {
                const active = c.key === sort;
                const next = active && dir === "asc" ? "desc" : "asc";
                return (
                  <th key={c.key} scope="col" className="px-3 py-2" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                    <Link href={`${base}?sort=${c.key}&dir=${next}`} className="inline-flex items-center gap-1 underline-offset-4 hover:underline">
                      {c.label}
                      <span aria-hidden="true">{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((r) => (
              <tr key={r.factId}>
                <th scope="row" className="min-w-48 px-3 py-1.5 font-normal" title={r.statement}>
                  {r.label}
                </th>
                <Cell share={r.knowsShare} detail={`${r.knowsCount} of ${report.classSize}`} />
                <Cell share={r.quizCorrectShare} detail={r.quizAnswers ? `${r.quizAnswers} answer${r.quizAnswers === 1 ? "" : "s"}` : undefined} />
                <Cell share={r.meanRecall} detail={r.recallStudents ? `${r.recallStudents} studying` : undefined} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
