import type { Metadata } from "next";
import Link from "next/link";
import { finishExpiredForAssignmentReport, loadAssignmentItemExtras, loadAssignmentReport, type OptionCountsRow } from "@/lib/data/reports";
import { scoreSummary } from "@/lib/reports/score-summary";
import { readQuizSettings } from "@/lib/data/assignments";
import { formatIndex } from "@/lib/reports/format-index";
import { discriminationBand, FLAG_MIN_STUDENTS } from "@/lib/reports/item-analysis";
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

function Check({ item, what }: { item: { check: boolean; enoughAnswers: boolean; answered: number; flags: readonly (keyof typeof FLAG_TEXT)[] }; what: "question" | "fact" }) {
  return (
    <td className="min-w-32 px-3 py-2">
      {item.check ? (
        <span className="font-medium text-amber-900">
          Check this {what} ({item.flags.map((f) => FLAG_TEXT[f]).join(", ")})
        </span>
      ) : !item.enoughAnswers ? (
        <span className="text-stone-700" data-testid="not-enough">
          not enough answers yet ({item.answered} of {FLAG_MIN_STUDENTS})
        </span>
      ) : (
        "—"
      )}
    </td>
  );
}

/** "reported 2 ×" and "hidden" beside an item: students' problem reports, and a fact the teacher hid from the class. */
function Marks({ reports, hidden }: { reports: number; hidden: boolean }) {
  if (!reports && !hidden) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1 text-xs" data-testid="item-marks">
      {reports ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-950">reported {reports}×</span> : null}
      {hidden ? <span className="rounded bg-stone-700 px-1.5 py-0.5 text-white">hidden from class</span> : null}
    </span>
  );
}

export default async function AssignmentReportPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const { viewer, assignment } = await assignmentOr404(assignmentId, (id) => `/teach/assignments/${id}`);
  const now = new Date();
  await finishExpiredForAssignmentReport(viewer, assignment.id, now);
  const [report, extras] = await Promise.all([loadAssignmentReport(viewer, assignment.id, now), loadAssignmentItemExtras(viewer, assignment.id)]);
  const a = report.assignment;
  const summary = scoreSummary(report.rows.map((r) => r.score));
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
        {quiz ? (
          <p className="text-sm" data-testid="score-summary">
            {summary.students
              ? `Class mean ${formatPercent(summary.mean)} · median ${formatPercent(summary.median)} (best finished score of ${summary.students} student${summary.students === 1 ? "" : "s"})`
              : "Class mean and median: no finished attempts yet."}
          </p>
        ) : null}
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
                    <th scope="row" className="max-w-48 px-3 py-2 font-medium break-words">{r.name}</th>
                    <td className="px-3 py-2"><StatusBadge status={r.status} late={r.late} /></td>
                    <td className="px-3 py-2">{quiz ? formatPercent(r.score) : formatPercent(r.progress)}</td>
                    <td className="px-3 py-2">
                      {quiz ? (
                        (extras.attemptsByStudent.get(r.studentId) ?? []).length ? (
                          <span className="flex flex-wrap gap-x-2">
                            {(extras.attemptsByStudent.get(r.studentId) ?? []).map((t, n) => (
                              <Link key={t.id} href={`/teach/attempts/${t.id}`} className="text-accent underline underline-offset-4" aria-label={`Open ${r.name}'s attempt ${t.attemptNumber ?? n + 1}`}>
                                {t.attemptNumber ?? n + 1}
                                {t.finishedAt ? "" : " (open)"}
                              </Link>
                            ))}
                          </span>
                        ) : (
                          "0"
                        )
                      ) : (
                        formatPercent(r.meanRecall)
                      )}
                    </td>
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
          {report.itemsBy === "facts" ? <FactItems report={report} extras={extras} csv={csv} primary /> : null}
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
                : `Questions outside 0.10–0.90 facility once ${FLAG_MIN_STUDENTS} students have answered, or below 0.20 discrimination once 10 have, are flagged; below ${FLAG_MIN_STUDENTS} answers a question reads “not enough answers yet”.`}{" "}
              Questions left unanswered (after “Stop here” or when time ran out) are counted as unanswered, not as wrong.
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
                      <th scope="col" className="px-3 py-2">Unanswered</th>
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
                          <Marks reports={extras.reportsByQuestion.get(i.itemId) ?? 0} hidden={i.factIds.some((f) => extras.hiddenFacts.has(f))} />
                        </td>
                        <td className="hidden px-3 py-2 min-w-32 sm:table-cell">{i.factLabels.join("; ")}</td>
                        <td className="px-3 py-2">{i.answered}</td>
                        <td className="px-3 py-2">{extras.unansweredByQuestion.get(i.itemId) ?? 0}</td>
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
          {report.itemsBy === "questions" ? <FactItems report={report} extras={extras} csv={csv} primary={false} /> : null}
          <OptionTables options={extras.options} />
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
function FactItems({
  report,
  extras,
  csv,
  primary,
}: {
  report: Awaited<ReturnType<typeof loadAssignmentReport>>;
  extras: Awaited<ReturnType<typeof loadAssignmentItemExtras>>;
  csv: string;
  primary: boolean;
}) {
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
        {primary
          ? `Facts outside 0.10–0.90 facility once ${FLAG_MIN_STUDENTS} students have answered on them, or below 0.20 discrimination once 10 have, are flagged; below ${FLAG_MIN_STUDENTS} a fact reads “not enough answers yet”.`
          : "Flags are on the questions table."}
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
                <th scope="col" className="px-3 py-2">Unanswered</th>
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
                    <Marks reports={extras.reportsByFact.get(f.itemId) ?? 0} hidden={extras.hiddenFacts.has(f.itemId)} />
                  </th>
                  <td className="px-3 py-2">{f.answered}</td>
                  <td className="px-3 py-2">{extras.unansweredByFact.get(f.itemId) ?? 0}</td>
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

/**
 * The distractor analysis: for every choice question, how many students
 * (first finished attempts) picked each option — which wrong option drew
 * the class — with the key marked in words, and the unanswered apart.
 */
function OptionTables({ options }: { options: OptionCountsRow[] }) {
  return (
    <section aria-labelledby="options-heading" className="space-y-3">
      <h2 id="options-heading" className="text-xl font-semibold">
        Choices picked
      </h2>
      <p className="text-sm text-stone-700">
        For each multiple-choice, true/false and “according to whom” question: how many students picked each option, from their first finished attempt. A wrong option many
        picked is a misconception to talk about — or a sign the question is unclear.
      </p>
      {options.length === 0 ? (
        <p className="text-stone-700">No choice questions answered yet.</p>
      ) : (
        <ul className="space-y-4" data-testid="option-counts">
          {options.map((o) => {
            const most = Math.max(1, ...o.options.map((x) => x.count));
            return (
              <li key={o.questionId} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="option-question">
                <p className="font-medium break-words">{o.prompt}</p>
                <table className="w-full text-left text-sm">
                  <thead>
                    <tr className="text-stone-700">
                      <th scope="col" className="py-1 pr-2 font-medium">Option</th>
                      <th scope="col" className="w-24 py-1 font-medium">Picked</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.options.map((x) => (
                      <tr key={x.option} className={x.correct ? "font-semibold text-green-900" : undefined}>
                        <td className="py-1 pr-2 break-words">
                          {x.option}
                          {x.correct ? <span className="ml-1 text-xs font-medium">(right answer)</span> : null}
                        </td>
                        <td className="py-1">
                          <span className="flex items-center gap-2">
                            <span className="tabular-nums">{x.count}</span>
                            <span aria-hidden className={`inline-block h-2 rounded ${x.correct ? "bg-green-600" : "bg-amber-500"}`} style={{ width: `${(x.count / most) * 48}px` }} />
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="text-xs text-stone-700">
                  {o.answered} answered{o.unanswered ? ` · ${o.unanswered} unanswered` : ""}
                  {o.other ? ` · ${o.other} other` : ""}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
