"use client";

import { useActionState } from "react";
import { setTimeMultiplierAction } from "../../actions";
import type { ActionState } from "@/app/_lib/action-state";

const OPTIONS = [
  { value: "1", label: "Normal time" },
  { value: "1.5", label: "1.5× time" },
  { value: "2", label: "2× time" },
  { value: "untimed", label: "Untimed" },
];

/** One student's extra time on timed quizzes. */
export function MultiplierForm({ classId, studentId, studentName, value }: { classId: string; studentId: string; studentName: string; value: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setTimeMultiplierAction, {});
  const id = `tm-${studentId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="studentId" value={studentId} />
      <label htmlFor={id} className="sr-only">
        Extra time for {studentName}
      </label>
      <select id={id} name="timeMultiplier" defaultValue={state.values?.timeMultiplier ?? value} className="rounded-md border border-stone-400 bg-white px-2 py-1.5 text-sm">
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-70" aria-label={`Save extra time for ${studentName}`}>
        {pending ? "Saving…" : "Save"}
      </button>
      <span role="status" className={`text-sm ${state.formError ? "text-red-800" : "text-green-800"}`}>
        {state.formError ?? (state.ok ? "Saved" : "")}
      </span>
    </form>
  );
}
