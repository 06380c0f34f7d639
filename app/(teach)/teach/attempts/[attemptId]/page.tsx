import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadAttemptForTeacher } from "@/lib/data/reports";
import { parseRouteId } from "@/lib/classes/ids";
import { NotFound } from "@/lib/errors";
import { gradeAnswer } from "@/lib/quiz/grade";
import { pageTeacher } from "@/app/_lib/viewer";
import { formatDuration, formatInZone, formatPercent } from "@/app/_lib/zoned-format";
import { FeedbackBody } from "@/app/(study)/quiz/feedback-body";
import { feedbackFor } from "@/app/(study)/quiz/quiz-view";

export const metadata: Metadata = { title: "Attempt" };

/**
 * One student's attempt at a quiz assignment, for the class's teacher: each
 * question as the student saw it, the response given, right or wrong (in
 * words), the right answer and its quotes, when it was answered and how
 * long it took. Anyone else's attempt, a practice quiz or an unknown id is
 * the 404 page.
 */
export default async function TeacherAttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId: raw } = await params;
  const viewer = await pageTeacher(`/teach/attempts/${encodeURIComponent(raw)}`);
  const attemptId = parseRouteId(raw);
  if (attemptId === null) notFound();
  let view;
  try {
    view = await loadAttemptForTeacher(viewer, attemptId);
  } catch (e) {
    if (e instanceof NotFound) notFound();
    throw e;
  }
  const tz = view.assignment.timeZone;
  const answered = view.questions.filter((q) => q.answer).length;
  const right = view.questions.filter((q) => q.answer?.correct).length;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/teach/assignments/${view.assignment.id}`} className="text-accent underline underline-offset-4 break-words">
          ← {view.assignment.title}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold break-words">
          {view.student.name}
          {view.attemptNumber ? <span className="font-normal text-stone-700">: attempt {view.attemptNumber}</span> : null}
        </h1>
        <p className="text-sm text-stone-700 break-all">
          {view.student.email} · student id {view.student.id}
        </p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="attempt-summary">
          <div className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-muted">Score</dt>
            <dd className="text-lg font-semibold">{view.finishedAt ? formatPercent(view.score) : "not finished"}</dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-muted">Answered</dt>
            <dd className="text-lg font-semibold">
              {answered} of {view.questions.length} · {right} right
            </dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-muted">Started</dt>
            <dd className="font-medium">{formatInZone(view.startedAt, tz)}</dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-muted">Finished</dt>
            <dd className="font-medium">{view.finishedAt ? formatInZone(view.finishedAt, tz) : "—"}</dd>
          </div>
        </dl>
        <p className="text-xs text-stone-700">Times in {tz}. Time per answer is counted from the previous answer (the first from the start).</p>
      </header>
      <ol className="space-y-4" data-testid="attempt-answers">
        {view.questions.map(({ position, question: q, answer: a }) => (
          <li key={q.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="attempt-answer">
            <h2 className="font-semibold break-words">
              {position}. {q.prompt}
            </h2>
            {a ? (
              <>
                <p className="text-sm text-stone-700" data-testid="answer-time">
                  Answered {formatInZone(a.answeredAt, tz)} · took {formatDuration(a.tookMs)}
                </p>
                <FeedbackBody feedback={feedbackFor(q, gradeAnswer(q, a.response), a.response)} type={q.type} headingLevel={3} givenLabel="The student’s answer" />
              </>
            ) : (
              <p className="rounded-md border border-stone-300 bg-stone-50 px-3 py-2 font-semibold text-stone-800" data-testid="verdict">
                Not answered (left after “Stop here” or when time ran out; counted as unanswered, not wrong, in the item analysis)
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
