"use client";

import { useActionState } from "react";
import { startAssignmentAction } from "./actions";
import type { ActionState } from "@/app/_lib/action-state";

/** One tap to start (or resume) an assignment. */
export function StartButton({ assignmentId, label, title }: { assignmentId: string; label: string; title: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(startAssignmentAction, {});
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${label}: ${title}`}
        className="w-full rounded-md bg-accent px-4 py-2.5 font-semibold text-white hover:bg-blue-800 disabled:opacity-70 sm:w-auto"
      >
        {pending ? "Opening…" : label}
      </button>
      {state.formError ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
