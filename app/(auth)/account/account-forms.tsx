"use client";

import { useActionState } from "react";
import { MIN_PASSWORD } from "@/lib/auth/form-limits";
import { changeNameAction, changePasswordAction } from "../actions";
import type { ActionState } from "@/app/_lib/action-state";
import { FormField } from "../../_components/form-field";
import { FormStatus } from "../../_components/form-status";
import { SubmitButton } from "../../_components/submit-button";

export function ChangeNameForm({ name }: { name: string }) {
  const [state, action] = useActionState<ActionState, FormData>(changeNameAction, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="name-heading">
      <h2 id="name-heading" className="text-lg font-semibold">
        Display name
      </h2>
      <FormStatus formError={state.formError} message={state.message} stamp={state} />
      <FormField name="name" id="f-display-name" label="Display name" required defaultValue={state.values?.name ?? name} error={state.fieldErrors?.name} />
      <SubmitButton pendingText="Saving…">Save name</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action] = useActionState<ActionState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-lg font-semibold">
        Change password
      </h2>
      <FormStatus formError={state.formError} message={state.message} stamp={state} />
      <FormField name="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={state.fieldErrors?.currentPassword} />
      <FormField name="newPassword" label="New password" type="password" autoComplete="new-password" required hint={`At least ${MIN_PASSWORD} characters.`} error={state.fieldErrors?.newPassword} />
      <FormField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirmPassword} />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
