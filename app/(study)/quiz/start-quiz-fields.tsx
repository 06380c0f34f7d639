"use client";

import { useActionState } from "react";
import { QUESTION_TYPES, type QuestionType } from "@/lib/generate/question";
import { FormField } from "../../_components/form-field";
import { FormStatus } from "../../_components/form-status";
import { SubmitButton } from "../../_components/submit-button";
import { startQuizAction, type StartQuizState } from "./actions";

export const TYPE_LABELS: Record<QuestionType, string> = {
  "multiple-choice": "Multiple choice",
  "true-false": "True or false",
  "typed-date": "Type the date",
  "short-answer": "Short answer",
  cloze: "Fill in the blank",
  timeline: "Put events in order",
  matching: "Match pairs",
  "according-to-whom": "According to whom?",
};

export function StartQuizFields({ deckId, defaultFeedback }: { deckId: string; defaultFeedback: "immediate" | "end" }) {
  const [state, action] = useActionState<StartQuizState, FormData>(startQuizAction, {});
  const types = new Set(state.values?.types ?? QUESTION_TYPES);
  const feedback = state.values?.feedback ?? defaultFeedback;
  const typesError = state.fieldErrors?.types;
  const feedbackError = state.fieldErrors?.feedback;
  return (
    <form action={action} className="space-y-4" noValidate data-testid="start-quiz-form">
      <FormStatus formError={state.formError} stamp={state} />
      <input type="hidden" name="deckId" value={deckId} />
      <div className="max-w-48">
        <FormField
          name="count"
          id={`quiz-count-${deckId}`}
          label="Number of questions"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          required
          defaultValue={state.values?.count ?? "10"}
          error={state.fieldErrors?.count}
        />
      </div>
      <fieldset className="space-y-2" aria-describedby={typesError ? `quiz-types-error-${deckId}` : undefined}>
        <legend className="font-medium">Types of question</legend>
        <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {QUESTION_TYPES.map((t) => (
            <label key={t} className="flex min-h-11 items-center gap-3">
              <input
                type="checkbox"
                name="types"
                value={t}
                defaultChecked={types.has(t)}
                aria-invalid={typesError ? true : undefined}
                className="size-5 accent-blue-800"
              />
              {TYPE_LABELS[t]}
            </label>
          ))}
        </div>
        {typesError ? (
          <p id={`quiz-types-error-${deckId}`} className="text-sm font-medium text-red-800">
            {typesError}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="space-y-1" aria-describedby={feedbackError ? `quiz-feedback-error-${deckId}` : undefined}>
        <legend className="font-medium">Show whether I was right</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name="feedback" value="immediate" defaultChecked={feedback === "immediate"} className="size-5 accent-blue-800" />
          After each question
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name="feedback" value="end" defaultChecked={feedback === "end"} className="size-5 accent-blue-800" />
          At the end
        </label>
        {feedbackError ? (
          <p id={`quiz-feedback-error-${deckId}`} className="text-sm font-medium text-red-800">
            {feedbackError}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingText="Starting…">Start the quiz</SubmitButton>
    </form>
  );
}
