"use client";

import { useActionState, useEffect } from "react";
import { createClassAction } from "../../actions";
import type { ActionState } from "@/app/_lib/action-state";
import { FormField } from "@/app/_components/form-field";
import { FormStatus } from "@/app/_components/form-status";
import { SubmitButton } from "@/app/_components/submit-button";

export function ClassForm() {
  const [state, action] = useActionState<ActionState, FormData>(createClassAction, {});
  useEffect(() => {
    // Default to the teacher's own zone; the server checks whatever is sent.
    const zone = document.getElementById("f-timeZone") as HTMLInputElement | null;
    if (zone && !zone.value) zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  }, []);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus formError={state.formError} stamp={state} />
      <FormField name="name" label="Class name" required maxLength={200} defaultValue={v.name} error={e.name} hint="For example “7B History”." />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="termStart" label="Term starts (optional)" type="date" defaultValue={v.termStart} error={e.termStart} />
        <FormField name="termEnd" label="Term ends (optional)" type="date" defaultValue={v.termEnd} error={e.termEnd} hint="After this day the join code stops working." />
      </div>
      <FormField
        name="timeZone"
        label="Time zone"
        required
        defaultValue={v.timeZone}
        error={e.timeZone}
        hint="Open and due times are typed and shown in this zone, e.g. Europe/London."
      />
      <SubmitButton pendingText="Creating…">Create class</SubmitButton>
    </form>
  );
}
