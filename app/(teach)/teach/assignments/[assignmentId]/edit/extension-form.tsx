"use client";

import { useActionState } from "react";
import { setExtensionAction } from "@/app/(teach)/teach/actions";
import type { ActionState } from "@/app/_lib/action-state";
import { FormField } from "@/app/_components/form-field";
import { FormStatus } from "@/app/_components/form-status";
import { SubmitButton } from "@/app/_components/submit-button";

/** Gives one student their own due date for the assignment. */
export function ExtensionForm({ assignmentId, timeZone, students, defaultDueAt }: { assignmentId: string; timeZone: string; students: { id: string; name: string }[]; defaultDueAt: string }) {
  const [state, action] = useActionState<ActionState, FormData>(setExtensionAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate key={JSON.stringify(state.values ?? {})}>
      <FormStatus formError={state.formError} message={state.message} stamp={state} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div className="space-y-1">
        <label htmlFor="f-ext-student" className="block font-medium">
          Student
        </label>
        <select
          id="f-ext-student"
          name="studentId"
          defaultValue={v.studentId ?? students[0]?.id}
          aria-invalid={e.studentId ? true : undefined}
          aria-describedby={e.studentId ? "f-ext-student-error" : undefined}
          className="block w-full max-w-full truncate rounded-md border border-stone-400 bg-white px-3 py-2.5"
        >
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {e.studentId ? (
          <p id="f-ext-student-error" className="text-sm font-medium text-red-800">
            {e.studentId}
          </p>
        ) : null}
      </div>
      <FormField id="f-ext-dueAt" name="dueAt" label="Their due date" type="datetime-local" required defaultValue={v.dueAt ?? defaultDueAt} error={e.dueAt} hint={`Time in ${timeZone}`} />
      <SubmitButton pendingText="Saving…">Give extension</SubmitButton>
    </form>
  );
}
