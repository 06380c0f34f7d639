"use client";

import { useState } from "react";
import { FeedbackBody, verdictText } from "@/app/(study)/quiz/feedback-body";
import type { Feedback, PublicQuestion } from "@/app/(study)/quiz/quiz-view";
import { QuestionForm } from "@/app/(study)/quiz/[attemptId]/question-form";
import { previewAnswerAction } from "./actions";

/**
 * The quiz player's screens for a preview: the student's question form and
 * feedback, one question per screen, answers graded by the server and kept
 * only in this page (no attempt, nothing stored).
 */
export function PreviewPlayer({ assignmentId, student, questions, feedbackMode }: { assignmentId: string; student: string; questions: PublicQuestion[]; feedbackMode: "immediate" | "end" }) {
  const total = questions.length;
  const [index, setIndex] = useState(0);
  const [given, setGiven] = useState<Feedback[]>([]);
  const [showing, setShowing] = useState<Feedback | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = index >= total && showing === null;
  const current = index < total ? questions[index]! : null;

  async function answer(response: unknown) {
    if (!current) return;
    setPending(true);
    setError(null);
    const form = new FormData();
    form.set("assignmentId", assignmentId);
    form.set("student", student);
    form.set("questionId", current.id);
    form.set("response", JSON.stringify(response));
    const out = await previewAnswerAction({}, form).catch(() => ({ formError: "Could not reach Factdeck. Try again." }) as Awaited<ReturnType<typeof previewAnswerAction>>);
    setPending(false);
    if (!out.feedback) return setError(out.formError ?? "That answer could not be read.");
    setGiven((g) => [...g, out.feedback!]);
    setIndex((i) => i + 1);
    if (feedbackMode === "immediate") setShowing(out.feedback);
  }

  const right = given.filter((f) => f.correct).length;
  return (
    <div className="space-y-4">
      <progress max={total} value={given.length} aria-label={`Answered ${given.length} of ${total}`} className="h-2 w-full overflow-hidden rounded bg-stone-200" />
      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6" aria-labelledby="preview-step-heading">
        {showing ? (
          <div className="space-y-4" data-testid="feedback">
            <h2 id="preview-step-heading" className="text-lg font-semibold">
              Question {index} of {total}: the answer
            </h2>
            <p className="text-stone-800 [overflow-wrap:anywhere]">{questions[index - 1]!.prompt}</p>
            <FeedbackBody feedback={showing} type={questions[index - 1]!.type} />
            <button type="button" onClick={() => setShowing(null)} className="w-full rounded-md bg-accent px-4 py-3 font-semibold text-white hover:bg-blue-800 sm:w-auto">
              {index < total ? "Next question" : "See the end of the preview"}
            </button>
          </div>
        ) : done ? (
          <div className="space-y-3" data-testid="preview-done">
            <h2 id="preview-step-heading" className="text-lg font-semibold">
              End of the preview: {right} of {total} right
            </h2>
            <p>A student would now finish and see their score. Nothing was recorded.</p>
            {feedbackMode === "end" ? (
              <ol className="ml-5 list-decimal space-y-3">
                {given.map((f, i) => (
                  <li key={questions[i]!.id} className="[overflow-wrap:anywhere]">
                    <p>{questions[i]!.prompt}</p>
                    <p className="text-sm">
                      {verdictText(f)}. The answer: {f.expected}
                    </p>
                  </li>
                ))}
              </ol>
            ) : null}
          </div>
        ) : current ? (
          <div className="space-y-3">
            <h2 id="preview-step-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-600">
              Question {index + 1} of {total}
            </h2>
            <QuestionForm key={current.id} question={current} number={index + 1} total={total} pending={pending} serverError={error} onSubmit={answer} />
          </div>
        ) : null}
      </section>
    </div>
  );
}
