"use client";

import { useActionState } from "react";
import type { ActionState } from "../_lib/action-state";

/**
 * A one-button form for a server action (rotate a code, remove a student,
 * archive): hidden fields, the button, and the action's answer read out
 * politely. `confirm` asks first, for actions that are hard to undo.
 */
export function ActionButton(props: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  label: string;
  pendingLabel: string;
  accessibleLabel?: string;
  confirm?: string;
  tone?: "plain" | "danger";
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(props.action, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (props.confirm && !window.confirm(props.confirm)) e.preventDefault();
      }}
      className="inline-flex flex-wrap items-center gap-2"
    >
      {Object.entries(props.hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={props.accessibleLabel}
        className={`rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-70 ${
          props.tone === "danger" ? "border-red-300 text-red-800 hover:bg-red-50" : "border-stone-300 hover:bg-stone-100"
        }`}
      >
        {pending ? props.pendingLabel : props.label}
      </button>
      <span role="status" className={`text-sm ${state.formError ? "text-red-800" : "text-green-800"}`}>
        {state.formError ?? state.message ?? ""}
      </span>
    </form>
  );
}
