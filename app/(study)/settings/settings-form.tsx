"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { FormField } from "../../_components/form-field";
import { FormStatus } from "../../_components/form-status";
import { SubmitButton } from "../../_components/submit-button";
import { saveStudySettingsAction } from "./actions";

type Initial = Record<"retentionPercent" | "newPerDay" | "maxReviewsPerDay" | "timeZone" | "dayStartHour" | "quizFeedback", string> & { saved: boolean };

export function SettingsForm({ initial }: { initial: Initial }) {
  const [state, action] = useActionState<ActionState, FormData>(saveStudySettingsAction, {});
  const v = { ...initial, ...state.values };
  const tz = useRef<HTMLInputElement>(null);
  // Before the first save, suggest the browser's own time zone.
  useEffect(() => {
    if (!initial.saved && tz.current && tz.current.value === "UTC") tz.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }, [initial.saved]);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus formError={state.formError} message={state.message} stamp={state} />
      <FormField name="retentionPercent" label="Desired retention (%)" type="number" inputMode="numeric" min={70} max={97} defaultValue={v.retentionPercent} hint="How sure you want to be of remembering a card when it comes back: 70–97. Higher means more reviews." error={e.retentionPercent} />
      <FormField name="newPerDay" label="New cards a day" type="number" inputMode="numeric" min={0} max={500} defaultValue={v.newPerDay} error={e.newPerDay} />
      <FormField name="maxReviewsPerDay" label="Maximum reviews a day" type="number" inputMode="numeric" min={0} max={5000} defaultValue={v.maxReviewsPerDay} error={e.maxReviewsPerDay} />
      <FormField ref={tz} name="timeZone" label="Time zone" defaultValue={v.timeZone} hint="Daily limits count in this zone, e.g. Asia/Yerevan." error={e.timeZone} />
      <FormField name="dayStartHour" label="Study day starts at (hour, 0–23)" type="number" inputMode="numeric" min={0} max={23} defaultValue={v.dayStartHour} hint="Reviews after midnight but before this hour count for the day before (Anki's default is 4)." error={e.dayStartHour} />
      <fieldset className="space-y-2">
        <legend className="font-medium">Quiz feedback</legend>
        {(["immediate", "end"] as const).map((f) => (
          <label key={f} className="flex items-center gap-3 rounded-md border border-stone-300 bg-white px-3 py-3">
            <input type="radio" name="quizFeedback" value={f} defaultChecked={v.quizFeedback === f} className="h-5 w-5" />
            <span>{f === "immediate" ? "After each answer" : "At the end of the quiz"}</span>
          </label>
        ))}
      </fieldset>
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
