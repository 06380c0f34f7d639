import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { openAttempt } from "@/lib/data/quiz-attempts";
import { getStudySettings } from "@/lib/data/study-settings";
import { NotFound } from "@/lib/errors";
import { nextUnansweredIndex } from "@/lib/quiz/next-unanswered-index";
import { pageUser } from "@/app/_lib/viewer";
import { publicQuestion, feedbackFor } from "../quiz-view";
import { gradeAnswer } from "@/lib/quiz/grade";
import { QuizPlayer } from "./quiz-player";
import { AttemptResult } from "./attempt-result";

export const metadata: Metadata = { title: "Quiz" };
export const dynamic = "force-dynamic";

const ATTEMPT_ID = /^[A-Za-z0-9-]{1,100}$/;

async function loadAttempt(attemptId: string, userId: string, now: Date) {
  try {
    // An attempt whose time ran out is finished at its deadline here, so the student sees their score.
    return await openAttempt(attemptId, userId, now);
  } catch (e) {
    if (e instanceof NotFound) notFound();
    throw e;
  }
}

/**
 * One attempt. Unfinished: the player, opened at the first unanswered
 * question (so closing the tab or following a source link loses nothing).
 * Finished: the score, the time taken and every question with its answer.
 */
export default async function QuizPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const viewer = await pageUser(`/quiz/${encodeURIComponent(attemptId)}`);
  if (!ATTEMPT_ID.test(attemptId)) notFound();
  const now = new Date();
  const attempt = await loadAttempt(attemptId, viewer.id, now);
  const deckTitle = attempt.deckTitle ?? "Quiz";

  if (attempt.finishedAt) {
    const { timeZone } = await getStudySettings(viewer.id);
    return <AttemptResult attempt={attempt} timeZone={timeZone} />;
  }

  const questions = attempt.snapshot.questions;
  const next = nextUnansweredIndex(attempt.snapshot, attempt.answers);
  // The last answer's feedback, so a student who left during the feedback (to read the source) finds it again.
  const last = attempt.answers.at(-1);
  const lastQuestion = last ? questions.find((q) => q.id === last.questionId) : undefined;
  const lastFeedback =
    attempt.settings.feedback === "immediate" && last && lastQuestion
      ? { index: last.position, feedback: feedbackFor(lastQuestion, gradeAnswer(lastQuestion, last.response), last.response) }
      : null;
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/decks/${attempt.deckId}`} className="text-accent underline underline-offset-4">
            {deckTitle}
          </Link>{" "}
          ·{" "}
          <Link href="/quizzes" className="text-accent underline underline-offset-4">
            Your quizzes
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Quiz: {deckTitle}</h1>
        <p className="text-sm text-muted">
          {questions.length} questions · {attempt.settings.feedback === "immediate" ? "you see the answer after each question" : "answers are shown at the end"}
        </p>
      </header>
      {attempt.classArchived ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="class-archived">
          This class is archived. Its quizzes are read-only: this attempt can no longer be answered or finished.
        </p>
      ) : (
        <QuizPlayer
          key={attempt.answers.length}
          attemptId={attempt.id}
          questions={questions.map(publicQuestion)}
          startIndex={next}
          lastFeedback={lastFeedback}
          feedbackMode={attempt.settings.feedback}
          deadlineAt={attempt.deadlineAt?.toISOString() ?? null}
          timeUp={attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime()}
        />
      )}
    </div>
  );
}
