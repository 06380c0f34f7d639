import Link from "next/link";
import type { AttemptView } from "@/lib/data/quiz-attempts";
import { attemptDuration } from "@/lib/quiz/attempt-duration";
import { gradeAnswer } from "@/lib/quiz/grade";
import { missedFactIds } from "@/lib/quiz/missed-fact-ids";
import { scoreAttempt } from "@/lib/quiz/score-attempt";
import { FeedbackBody } from "../feedback-body";
import { feedbackFor } from "../quiz-view";
import { formatDateTime, formatDuration, formatScore } from "../format";
import { FocusHeading } from "./focus-on-mount";
import { ReportItem } from "@/app/_components/report-item";

/** A finished attempt: score, time taken, and every question with the answer given, the right one and its sources. */
export function AttemptResult({ attempt, timeZone }: { attempt: AttemptView; timeZone: string }) {
  const result = scoreAttempt(attempt.snapshot, attempt.answers);
  const byId = new Map(attempt.answers.map((a) => [a.questionId, a]));
  const missed = missedFactIds(result, attempt.snapshot).length;
  const finishedAt = attempt.finishedAt ?? new Date(0);
  const deckTitle = attempt.deckTitle ?? "Quiz";
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/quizzes" className="text-accent underline underline-offset-4">
            Your quizzes
          </Link>
        </p>
        <FocusHeading className="text-2xl font-bold">Result: {deckTitle}</FocusHeading>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="quiz-score">
          <div className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-muted">Score</dt>
            <dd className="text-2xl font-semibold">
              {formatScore(result.score)} / {result.maxScore}
            </dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-muted">Percent</dt>
            <dd className="text-2xl font-semibold">{result.percent}%</dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-muted">Time taken</dt>
            <dd className="text-2xl font-semibold">{formatDuration(attemptDuration(attempt.startedAt, attempt.finishedAt, finishedAt))}</dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-muted">Answered</dt>
            <dd className="text-2xl font-semibold">
              {result.answered} / {result.maxScore}
            </dd>
          </div>
        </dl>
        <p className="text-sm text-stone-700">Finished {formatDateTime(finishedAt, timeZone)}.</p>
        {missed > 0 ? (
          <p className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-blue-950">
            The cards of the {missed} fact{missed === 1 ? "" : "s"} you missed are now due in your flashcards.{" "}
            <Link href={`/review/${attempt.deckId}`} className="font-medium underline underline-offset-4">
              Review them now
            </Link>
          </p>
        ) : null}
        <p className="flex flex-wrap gap-x-4 gap-y-2">
          <Link href={`/decks/${attempt.deckId}`} className="text-accent underline underline-offset-4">
            Take another quiz on this deck
          </Link>
        </p>
      </header>

      <section aria-labelledby="review-heading" className="space-y-3">
        <h2 id="review-heading" className="text-xl font-semibold">
          Question by question
        </h2>
        <ol className="space-y-4" data-testid="quiz-review">
          {attempt.snapshot.questions.map((q, i) => {
            const a = byId.get(q.id);
            return (
              <li key={q.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
                <h3 className="font-semibold">
                  {i + 1}. {q.prompt}
                </h3>
                {a ? (
                  <FeedbackBody feedback={feedbackFor(q, gradeAnswer(q, a.response), a.response)} type={q.type} headingLevel={4} />
                ) : (
                  <FeedbackBody feedback={{ ...feedbackFor(q, { ...gradeAnswer(q, undefined), correct: false }, ""), given: "Not answered" }} type={q.type} headingLevel={4} />
                )}
                <ReportItem target={{ kind: "question", attemptId: attempt.id, itemId: q.id }} />
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
