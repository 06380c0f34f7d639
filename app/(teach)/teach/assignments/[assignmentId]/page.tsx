import type { Metadata } from "next";
import Link from "next/link";
import { finishExpiredForAssignmentReport, loadAssignmentReport } from "@/lib/data/reports";
import { readQuizSettings } from "@/lib/data/assignments";
import { formatIndex } from "@/lib/reports/format-index";
import { discriminationBand } from "@/lib/reports/item-analysis";
import { assignmentOr404 } from "../../load";
import { formatDuration, formatInZone, formatPercent } from "@/app/_lib/zoned-format";
import { StatusBadge } from "@/app/_components/status-badge";
import { ActionButton } from "@/app/_components/action-button";
import { deleteAssignmentAction } from "../../actions";

export const metadata: Metadata = { title: "Assignment report" };

const FLAG_TEXT = { "too-hard": "very hard", "too-easy": "very easy", "weak-discrimination": "weak discrimination" } as const;

function Discrimination({ value }: { value: number | null }) {
  return (
    <td className="px-3 py-2 font-mono">
      {formatIndex(value)}
      {value !== null ? <span className="block font-sans text-xs text-muted">{discriminationBand(value).replace("-", " ")}</span> : null}
    </td>
  );
}

function Check({ item, what }: { item: { check: boolean; flags: readonly (keyof typeof FLAG_TEXT)[] }; what: "question" | "fact" }) {
  return (
    <td className="px-3 py-2">
      {item.check ? (
        <span className="font-medium text-amber-900">
          Check this {what} ({item.flags.map((f) => FLAG_TEXT[f]).join(", ")})
        </span>
      ) : (
        "—"
      )}
    </td>
  );
}

export default async function AssignmentReportPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const { viewer, assignment } = await assignmentOr404(assignmentId, (id) => `/teach/assignments/${id}`);
  const now = new Date();
  await finishExpiredForAssignmentReport(viewer, assignment.id, now);
  const report = await loadAssignmentReport(viewer, assignment.id, now);
  const a = report.assignment;
  const tz = a.classroom.timeZone;
  const quiz = a.kind === "quiz";
  const settings = quiz ? readQuizSettings(a.settingsJson) : null;
  const done = report.rows.filter((r) => r.status === "done").length;
  const late = report.rows.filter((r) => r.late).length;
  const csv = `/api/teach/assignments/${a.id}/csv`;
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href={`/teach/classes/${a.classId}`} className="text-accent underline underline-offset-4">
          ← {a.classroom.name}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold break-words">{a.title}</h1>
        <p className="text-stone-700">
          {quiz ? "Quiz" : "Review"} on “{report.deckTitle}” · opens {formatInZone(a.openAt, tz)} · due {formatInZone(a.dueAt, tz)} ({tz})
        </p>
        {settings ? (
          <p className="text-sm text-stone-700">
            {settings.questionCount} questions · {settings.timeLimitMinutes ? `${settings.timeLimitMinutes} min` : "no time limit"} · {settings.attemptsAllowed} attempt
            {settings.attemptsAllowed === 1 ? "" : "s"} · feedback {settings.feedback === "immediate" ? "after each answer" : "at the end"} ·{" "}
            {settings.questionSet === "fixed" ? "one set for the class" : "own questions per student"}
            {settings.shuffle ? " · shuffled" : ""}
          </p>
        ) : null}
        {settings && report.questionsAsked && (report.questionsAsked.min !== settings.questionCount || report.questionsAsked.max !== settings.questionCount) ? (
          <p className="text-sm text-amber-900" data-testid="questions-asked">
            The deck could not supply {settings.questionCount} questions of these types for everyone: attempts held{" "}
            {report.questionsAsked.min === report.questionsAsked.max ? report.questionsAsked.min : `${report.questionsAsked.min}–${report.questionsAsked.max}`} questions. Scores are
            shares of the questions each student was asked.
          </p>
        ) : null}
        <p className="font-medium">
          {done} of {report.rows.length} done{late ? ` · ${late} late` : ""}
        </p>
        <p className="text-xs text-stone-700 sm:hidden">On a phone, swipe the tables sideways to see every column.</p>
      </header>

      <section aria-labelledby="students-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="students-heading" className="text-xl font-semibold">
            Students
          </h2>
          <a href={`${csv}?table=students`} className="text-accent underline underline-offset-4" download>
            Download students CSV
          </a>
        </div>
        {report.rows.length === 0 ? (
          <p className="text-stone-700">No students in this class yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Students table (scrolls sideways)">
            <table className="w-full text-left text-sm" data-testid="student-report">
              <thead className="bg-stone-100">
                <tr>
                  <th scope="col" className="px-3 py-2">Student</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2">{quiz ? "Best score" : "Cards studied"}</th>
                  {!quiz ? <th scope="col" className="px-3 py-2">Predicted recall</th> : <th scope="col" className="px-3 py-2">Attempts</th>}
                  <th scope="col" className="px-3 py-2">Time spent</th>
                  <th scope="col" className="px-3 py-2">Last activity</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {report.rows.map((r) => (
                  <tr key={r.studentId}>
                    <th scope="row" className="px-3 py-2 font-medium">{r.name}</th>
                    <td className="px-3 py-2"><StatusBadge status={r.status} late={r.late} /></td>
                    <td className="px-3 py-2">{quiz ? formatPercent(r.score) : formatPercent(r.progress)}</td>
                    <td className="px-3 py-2">{quiz ? r.activityCount : formatPercent(r.meanRecall)}</td>
                    <td className="px-3 py-2">{formatDuration(r.timeSpentMs)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{r.lastActivityAt ? formatInZone(r.lastActivityAt, tz) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {quiz ? (
        <>
          {report.itemsBy === "facts" ? <FactItems report={report} csv={csv} primary /> : null}
          <section aria-labelledby="items-heading" className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="items-heading" className="text-xl font-semibold">
                {report.itemsBy === "facts" ? "By question" : "Questions"}
              </h2>
              <a href={`${csv}?table=items`} className="text-accent underline underline-offset-4" download>
                Download questions CSV
              </a>
            </div>
            <p className="text-sm text-stone-700">
              From each student&apos;s first finished attempt ({report.itemStudents} so far). Facility = share correct; discrimination = top 27 % minus bottom 27 % of
              students by their share of the quiz&apos;s points.{" "}
              {report.itemsBy === "facts"
                ? "Each student got their own questions, so each question below was put to only one or a few students: its numbers say little. Read the facts table above; questions are not flagged."
                : "Questions outside 0.10–0.90 facility, or below 0.20 discrimination once 10 students have answered, are flagged."}
            </p>
            {report.items.length === 0 ? (
              <p className="text-stone-700">No finished attempts yet.</p>
            ) : (
              <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Questions table (scrolls sideways)">
                <table className="w-full text-left text-sm" data-testid="item-report">
                  <thead className="bg-stone-100">
                    <tr>
                      <th scope="col" className="px-3 py-2">Question</th>
                      <th scope="col" className="hidden px-3 py-2 sm:table-cell">Facts</th>
                      <th scope="col" className="px-3 py-2">Answered</th>
                      <th scope="col" className="px-3 py-2">Facility</th>
                      <th scope="col" className="px-3 py-2">Discrimination</th>
                      {report.itemsBy === "questions" ? <th scope="col" className="px-3 py-2">Check</th> : null}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-200">
                    {report.items.map((i) => (
                      <tr key={i.itemId} className={report.itemsBy === "questions" && i.check ? "bg-amber-50" : undefined}>
                        <td className="px-3 py-2 min-w-44">
                          {i.prompt}
                          {/* Phones: the facts go under the question, so facility and discrimination stay in view. */}
                          <span className="mt-1 block text-xs text-stone-700 sm:hidden">Facts: {i.factLabels.join("; ")}</span>
                        </td>
                        <td className="hidden px-3 py-2 min-w-32 sm:table-cell">{i.factLabels.join("; ")}</td>
                        <td className="px-3 py-2">{i.answered}</td>
                        <td className="px-3 py-2 font-mono">{formatIndex(i.facility)}</td>
                        <Discrimination value={i.discrimination} />
                        {report.itemsBy === "questions" ? <Check item={i} what="question" /> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {report.itemsBy === "questions" ? <FactItems report={report} csv={csv} primary={false} /> : null}
        </>
      ) : null}

      {!a.classroom.archivedAt ? (
        <ActionButton
          action={deleteAssignmentAction}
          hidden={{ assignmentId: a.id }}
          label="Delete assignment"
          pendingLabel="Deleting…"
          tone="danger"
          confirm="Delete this assignment? Students' attempts are kept but no longer linked to it."
        />
      ) : null}
    </div>
  );
}

/**
 * Item analysis with the fact as the item. For per-student question sets it
 * is the table to read (and the one flagged); for one fixed set it repeats
 * the questions table grouped by fact.
 */
function FactItems({ report, csv, primary }: { report: Awaited<ReturnType<typeof loadAssignmentReport>>; csv: string; primary: boolean }) {
  return (
    <section aria-labelledby="fact-items-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="fact-items-heading" className="text-xl font-semibold">
          By fact
        </h2>
        <a href={`${csv}?table=facts`} className="text-accent underline underline-offset-4" download>
          Download facts CSV
        </a>
      </div>
      <p className="text-sm text-stone-700">
        Every question on a fact counts for it, whichever form it took: a student&apos;s score on a fact is their mean score on the questions about it, then facility and
        discrimination are computed over the students who were asked about it, as for a question.{" "}
        {primary ? "Facts outside 0.10–0.90 facility, or below 0.20 discrimination once 10 students have been asked, are flagged." : "Flags are on the questions table."}
      </p>
      {report.factItems.length === 0 ? (
        <p className="text-stone-700">No finished attempts yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Facts table (scrolls sideways)">
          <table className="w-full text-left text-sm" data-testid="fact-item-report">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">Fact</th>
                <th scope="col" className="px-3 py-2">Students asked</th>
                <th scope="col" className="px-3 py-2">Questions</th>
                <th scope="col" className="px-3 py-2">Facility</th>
                <th scope="col" className="px-3 py-2">Discrimination</th>
                {primary ? <th scope="col" className="px-3 py-2">Check</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {report.factItems.map((f) => (
                <tr key={f.itemId} className={primary && f.check ? "bg-amber-50" : undefined}>
                  <th scope="row" className="px-3 py-2 min-w-48 font-normal" title={f.statement}>
                    {f.label}
                  </th>
                  <td className="px-3 py-2">{f.answered}</td>
                  <td className="px-3 py-2">{f.questions}</td>
                  <td className="px-3 py-2 font-mono">{formatIndex(f.facility)}</td>
                  <Discrimination value={f.discrimination} />
                  {primary ? <Check item={f} what="fact" /> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
