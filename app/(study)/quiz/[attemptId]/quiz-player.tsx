"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FeedbackBody, verdictText } from "../feedback-body";
import { ReportItem } from "@/app/_components/report-item";
import type { Feedback, PublicQuestion } from "../quiz-view";
import { QuestionForm } from "./question-form";

type Shown = { index: number; feedback: Feedback };

/** Which answer's feedback was on screen, per attempt, for this tab: a return from a source link shows it again. */
const shownKey = (attemptId: string) => `factdeck:quiz:${attemptId}:feedback`;

function readShown(attemptId: string, last: Shown | null): Shown | null {
  if (!last || typeof window === "undefined") return null;
  try {
    return window.sessionStorage.getItem(shownKey(attemptId)) === String(last.index) ? last : null;
  } catch {
    return null;
  }
}

function writeShown(attemptId: string, index: number | null) {
  try {
    if (index === null) window.sessionStorage.removeItem(shownKey(attemptId));
    else window.sessionStorage.setItem(shownKey(attemptId), String(index));
  } catch {
    /* storage may be off: then a return simply opens the next question */
  }
}

/**
 * One question per screen. Each answer is stored on the server before the
 * next question shows, so the attempt survives a closed tab; the page opens
 * at the first unanswered question. With immediate feedback the verdict is
 * announced (role=status) and the right answer, quotes and source links shown.
 */
export function QuizPlayer(props: {
  attemptId: string;
  questions: PublicQuestion[];
  startIndex: number | null;
  lastFeedback: Shown | null;
  feedbackMode: "immediate" | "end";
  deadlineAt: string | null;
  timeUp: boolean;
}) {
  const { attemptId, questions } = props;
  const total = questions.length;
  const router = useRouter();
  const [index, setIndex] = useState<number | null>(props.startIndex);
  const [shown, setShown] = useState<Shown | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [timeUp, setTimeUp] = useState(props.timeUp);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Restore the feedback that was on screen when the student followed a source link.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage exists only in the browser, after hydration
    setShown(readShown(attemptId, props.lastFeedback));
  }, [attemptId, props.lastFeedback]);

  useEffect(() => {
    if (!moved.current) return;
    headingRef.current?.focus();
  }, [index, shown]);

  const answered = index === null ? total : index;

  async function post(path: string, body: unknown): Promise<{ status: number; data: Record<string, unknown> } | null> {
    try {
      const res = await fetch(`/api/quiz/${attemptId}/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      return { status: res.status, data };
    } catch {
      return null;
    }
  }

  function failed(res: { status: number; data: Record<string, unknown> } | null): string {
    if (!res) return "Could not reach Factdeck. Check your connection and try again; your answer is still here.";
    const msg = typeof res.data.error === "string" ? res.data.error : "Something went wrong.";
    if (res.status === 401) return "Your session has ended. Sign in again to go on: your answers so far are saved.";
    if (res.status === 409 && /Time is up/.test(msg)) setTimeUp(true);
    return msg;
  }

  async function answer(response: unknown) {
    if (index === null) return;
    const q = questions[index]!;
    setPending(true);
    setError(null);
    setNotice(null);
    const res = await post("answers", { questionId: q.id, response });
    setPending(false);
    if (!res || res.status !== 200) {
      const fieldErrors = res?.data.fieldErrors as Record<string, string> | undefined;
      if (res?.status === 400) return setError(fieldErrors?.response ?? failed(res));
      setNotice(failed(res));
      // Another tab may have moved on: show the server's state.
      if (res?.status === 409) router.refresh();
      return;
    }
    moved.current = true;
    const nextIndex = index + 1 < total ? index + 1 : null;
    if (props.feedbackMode === "immediate" && typeof res.data.correct === "boolean") {
      const feedback = res.data as unknown as Feedback;
      setShown({ index, feedback });
      writeShown(attemptId, index);
      setAnnouncement(`${verdictText(feedback)}. The answer: ${feedback.expected}.`);
    } else {
      setAnnouncement(`Answer ${index + 1} saved.`);
    }
    setIndex(nextIndex);
  }

  async function finish() {
    setPending(true);
    setNotice(null);
    const res = await post("finish", {});
    if (!res || res.status !== 200) {
      setPending(false);
      return setNotice(failed(res));
    }
    writeShown(attemptId, null);
    setAnnouncement(`Quiz finished. Score ${String(res.data.score)} of ${String(res.data.maxScore)}.`);
    router.refresh();
  }

  function next() {
    moved.current = true;
    setShown(null);
    writeShown(attemptId, null);
  }

  const current = index === null ? null : questions[index]!;
  const shownQuestion = shown ? questions[shown.index] : null;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <progress
          max={total}
          value={answered}
          aria-label={`Answered ${answered} of ${total}`}
          className="h-2 w-full overflow-hidden rounded bg-stone-200 [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-blue-800"
        />
        <p className="text-sm text-muted">
          Answered {answered} of {total}
          {props.deadlineAt ? (
            <>
              {" "}
              · answers close at <time dateTime={props.deadlineAt}>{new Date(props.deadlineAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</time>
            </>
          ) : null}
        </p>
      </div>

      <p role="status" aria-live="polite" className="sr-only" data-testid="quiz-announcer">
        {announcement}
      </p>
      {notice ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {notice}
        </p>
      ) : null}

      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6" aria-labelledby="quiz-step-heading">
        {shown && shownQuestion ? (
          <div className="space-y-4" data-testid="feedback">
            <h2 id="quiz-step-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
              Question {shown.index + 1} of {total}: the answer
            </h2>
            <p className="text-stone-800">{shownQuestion.prompt}</p>
            <FeedbackBody feedback={shown.feedback} type={shownQuestion.type} />
            <ReportItem key={shownQuestion.id} target={{ kind: "question", attemptId, itemId: shownQuestion.id }} />
            {index !== null ? (
              <button type="button" onClick={next} className="w-full rounded-md bg-accent px-4 py-3 font-semibold text-white hover:bg-blue-800 sm:w-auto">
                Next question
              </button>
            ) : (
              <button
                type="button"
                onClick={finish}
                disabled={pending}
                className="w-full rounded-md bg-accent px-4 py-3 font-semibold text-white hover:bg-blue-800 disabled:opacity-70 sm:w-auto"
              >
                {pending ? "Finishing…" : "Finish and see your score"}
              </button>
            )}
          </div>
        ) : timeUp ? (
          <div className="space-y-3">
            <h2 id="quiz-step-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
              Time is up
            </h2>
            <p>Answers are no longer accepted. Finish the quiz to see your score; questions you did not answer count as missed.</p>
          </div>
        ) : current && index !== null ? (
          <div className="space-y-3">
            <h2 id="quiz-step-heading" ref={headingRef} tabIndex={-1} className="text-sm font-semibold uppercase tracking-wide text-stone-600">
              Question {index + 1} of {total}
            </h2>
            <QuestionForm key={current.id} question={current} number={index + 1} total={total} pending={pending} serverError={error} onSubmit={answer} />
          </div>
        ) : (
          <div className="space-y-3">
            <h2 id="quiz-step-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
              Every question is answered
            </h2>
            <p>Finish to see your score and go through each question with its source.</p>
          </div>
        )}
      </section>

      {!shown || index === null ? (
        index === null || timeUp ? (
          shown ? null : (
            <button
              type="button"
              onClick={finish}
              disabled={pending}
              className="w-full rounded-md bg-accent px-4 py-3 font-semibold text-white hover:bg-blue-800 disabled:opacity-70 sm:w-auto"
            >
              {pending ? "Finishing…" : "Finish and see your score"}
            </button>
          )
        ) : (
          <details className="text-sm">
            <summary className="cursor-pointer py-2 text-stone-700">Stop here and finish the quiz</summary>
            <div className="space-y-2 pt-1">
              <p>
                {total - answered} question{total - answered === 1 ? "" : "s"} not answered yet will count as missed, and their cards will be due in your flashcard review.
              </p>
              <button
                type="button"
                onClick={finish}
                disabled={pending}
                className="rounded-md border border-stone-400 px-4 py-2 hover:bg-stone-100 disabled:opacity-70"
              >
                Finish now
              </button>
            </div>
          </details>
        )
      ) : null}
    </div>
  );
}
