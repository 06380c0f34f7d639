import type { Metadata } from "next";
import Link from "next/link";
import { finishExpiredAttempts, listAttempts } from "@/lib/data/quiz-attempts";
import { getStudySettings } from "@/lib/data/study-settings";
import { attemptDuration } from "@/lib/quiz/attempt-duration";
import { pageUser } from "../../_lib/viewer";
import { formatDateTime, formatDuration, formatScore } from "../quiz/format";

export const metadata: Metadata = { title: "Your quizzes" };
export const dynamic = "force-dynamic";

/** The student's quiz attempts, newest first: deck, date, score, time, and a link to go on or to review. */
export default async function QuizzesPage() {
  const viewer = await pageUser("/quizzes");
  const now = new Date();
  // Attempts whose time ran out are listed finished (at their deadline), with their score.
  await finishExpiredAttempts({ userId: viewer.id }, now);
  const [attempts, { timeZone }] = await Promise.all([listAttempts(viewer.id), getStudySettings(viewer.id)]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Your quizzes</h1>
        <p className="text-stone-700">
          Start a quiz from a deck on your{" "}
          <Link href="/dashboard" className="text-accent underline underline-offset-4">
            dashboard
          </Link>
          . Unfinished quizzes keep your answers: go on where you stopped.
        </p>
      </header>
      {attempts.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4">You have not taken a quiz yet.</p>
      ) : (
        <ul className="space-y-3" data-testid="attempt-list">
          {attempts.map((a) => {
            const finished = a.finishedAt !== null;
            const percent = a.maxScore ? Math.round((100 * (a.score ?? 0)) / a.maxScore) : 0;
            return (
              <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h2 className="font-semibold">
                    <Link href={`/quiz/${a.id}`} className="text-accent underline underline-offset-4">
                      {a.deckTitle}
                      <span className="sr-only">, {finished ? "review" : "go on"}</span>
                    </Link>
                  </h2>
                  <p className="text-sm text-stone-700">
                    <time dateTime={a.startedAt.toISOString()}>{formatDateTime(a.startedAt, timeZone)}</time>
                  </p>
                </div>
                <p className="mt-1 text-stone-800">
                  {finished ? (
                    <>
                      Score <strong>{formatScore(a.score ?? 0)} / {a.maxScore}</strong> ({percent}%) · {formatDuration(attemptDuration(a.startedAt, a.finishedAt, now))}
                    </>
                  ) : (
                    <>
                      <span className="font-medium text-amber-900">Not finished</span> · {a.answered} of {a.questionCount} answered
                    </>
                  )}
                  {a.assignmentId ? <span className="text-stone-600"> · assigned by your teacher</span> : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
