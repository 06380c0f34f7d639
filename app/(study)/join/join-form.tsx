"use client";

import { useActionState } from "react";
import { joinClassAction } from "./actions";
import type { ActionState } from "@/app/_lib/action-state";
import { FormField } from "../../_components/form-field";
import { FormStatus } from "../../_components/form-status";
import { SubmitButton } from "../../_components/submit-button";

/** The join-code form; with `fixedCode` (a join link) the code is sent as is and only the button shows. */
export function JoinForm({ initialCode = "", fixedCode, buttonText = "Join class" }: { initialCode?: string; fixedCode?: string; buttonText?: string }) {
  const [state, action] = useActionState<ActionState, FormData>(joinClassAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus formError={state.formError} stamp={state} />
      {fixedCode !== undefined ? (
        <input type="hidden" name="joinCode" value={fixedCode} />
      ) : (
        <FormField
          name="joinCode"
          label="Join code"
          hint="8 characters, from your teacher — like ABCD-2345."
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          defaultValue={state.values?.joinCode ?? initialCode}
          error={state.fieldErrors?.joinCode}
          className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2.5 font-mono text-xl uppercase tracking-widest aria-[invalid]:border-red-700"
        />
      )}
      <SubmitButton pendingText="Joining…">{buttonText}</SubmitButton>
    </form>
  );
}
