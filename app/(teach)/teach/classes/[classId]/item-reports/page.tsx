import type { Metadata } from "next";
import Link from "next/link";
import { loadClassItemReports } from "@/lib/data/item-reports";
import { REPORT_REASONS, type ReportReason } from "@/lib/reports/item-report-input";
import { classOr404 } from "@/app/(teach)/teach/load";
import { formatInZone } from "@/app/_lib/zoned-format";
import { ActionButton } from "@/app/_components/action-button";
import { setFactHiddenAction } from "@/app/(teach)/teach/item-report-actions";

export const metadata: Metadata = { title: "Problem reports" };

/**
 * The problem reports of a class's students, by fact: each reported
 * question or card with the reasons and notes, the fact's statement and
 * quotes to check them against, and the button that hides the fact (all its
 * questions and cards) from the class — or shows it again.
 */
export default async function ClassItemReportsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { viewer, klass } = await classOr404(classId, (id) => `/teach/classes/${id}/item-reports`);
  const facts = await loadClassItemReports(viewer, klass.id);
  const tz = klass.timeZone;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/teach/classes/${klass.id}`} className="text-accent underline underline-offset-4 break-words">
          ← {klass.name}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Problem reports</h1>
        <p className="text-stone-700">
          What your students reported with “Report a problem” on a quiz answer or a card. Questions and cards are made from facts: hiding a fact takes every question and card
          about it out of this class&apos;s new quizzes and its students&apos; review of assigned decks. Answers already given stay in the reports, marked hidden. You can show it
          again at any time.
        </p>
      </header>
      {facts.length === 0 ? (
        <p className="text-stone-700" data-testid="no-item-reports">No problem reports from this class yet.</p>
      ) : (
        <ul className="space-y-4" data-testid="item-reports">
          {facts.map((f) => (
            <li key={f.factId} className={`space-y-3 rounded-lg border p-4 ${f.hidden ? "border-stone-300 bg-stone-100" : "border-stone-200 bg-white"}`} data-testid="item-report-fact">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 space-y-1">
                  <h2 className="font-semibold break-words">{f.label}</h2>
                  <p className="text-sm text-stone-800 break-words">{f.statement}</p>
                  <p className="text-sm font-medium">
                    {f.reportCount} report{f.reportCount === 1 ? "" : "s"}
                    {f.hidden ? <span className="ml-2 rounded bg-stone-700 px-1.5 py-0.5 text-xs text-white" data-testid="hidden-badge">Hidden from this class</span> : null}
                  </p>
                </div>
                {!klass.archivedAt ? (
                  <ActionButton
                    action={setFactHiddenAction}
                    hidden={{ classId: klass.id, factId: f.factId, hide: f.hidden ? "0" : "1" }}
                    label={f.hidden ? "Show again" : "Hide from this class"}
                    pendingLabel={f.hidden ? "Showing…" : "Hiding…"}
                    accessibleLabel={`${f.hidden ? "Show again" : "Hide from this class"}: ${f.label}`}
                  />
                ) : null}
              </div>
              {f.evidence.length ? (
                <details className="text-sm">
                  <summary className="cursor-pointer text-stone-700">The evidence ({f.evidence.length} quote{f.evidence.length === 1 ? "" : "s"})</summary>
                  <ul className="mt-2 space-y-2">
                    {f.evidence.map((e, i) => (
                      <li key={i}>
                        <blockquote className="border-l-4 border-stone-300 pl-3 font-serif text-stone-800 break-words">“{e.quote}”</blockquote>
                        <a href={e.link} className="text-accent underline underline-offset-4">
                          {e.outlet}
                        </a>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {f.items.map((item) => (
                <div key={`${item.kind}:${item.itemId}`} className="space-y-2 border-t border-stone-200 pt-3">
                  <p className="text-sm">
                    <span className="font-medium">{item.kind === "question" ? "Question" : "Card"}:</span> <span className="break-words">{item.itemText}</span>
                  </p>
                  <p className="text-sm text-stone-700">
                    {Object.entries(item.reasonCounts)
                      .map(([r, n]) => `${REPORT_REASONS[r as ReportReason] ?? r}: ${n}`)
                      .join(" · ")}
                  </p>
                  <ul className="space-y-1 text-sm">
                    {item.reports.map((r) => (
                      <li key={r.studentId} className="break-words">
                        <span className="font-medium">{r.name}</span> <span className="text-stone-600">({r.email})</span>, {formatInZone(r.updatedAt, tz)}: {REPORT_REASONS[r.reason] ?? r.reason}
                        {r.note ? <span className="block text-stone-800">“{r.note}”</span> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
