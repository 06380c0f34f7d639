"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "../actions";
import type { ActionState } from "@/app/_lib/action-state";
import { BrowserTimeZoneField } from "../../_components/browser-time-zone-field";
import { FormField } from "../../_components/form-field";
import { FormStatus } from "../../_components/form-status";
import { SubmitButton } from "../../_components/submit-button";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState<ActionState, FormData>(signInAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus formError={state.formError} stamp={state} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <BrowserTimeZoneField />
      <FormField name="email" label="E-mail" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p className="text-sm">
        New here?{" "}
        <Link href={`/sign-up${returnTo !== "/" ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`} className="text-accent underline underline-offset-4">
          Create an account
        </Link>
      </p>
    </form>
  );
}
