"use client";

import Link from "next/link";
import { useActionState } from "react";
import { MIN_PASSWORD } from "@/lib/auth/form-limits";
import { signUpAction } from "../actions";
import type { ActionState } from "@/app/_lib/action-state";
import { BrowserTimeZoneField } from "../../_components/browser-time-zone-field";
import { FormField } from "../../_components/form-field";
import { FormStatus } from "../../_components/form-status";
import { SubmitButton } from "../../_components/submit-button";

export function SignUpForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState<ActionState, FormData>(signUpAction, {});
  const role = state.values?.role ?? "student";
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus formError={state.formError} stamp={state} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <BrowserTimeZoneField />
      <FormField name="name" label="Display name" autoComplete="name" required maxLength={200} defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <FormField name="email" label="E-mail" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${MIN_PASSWORD} characters. A few unrelated words make a strong one.`}
        error={state.fieldErrors?.password}
      />
      <fieldset className="space-y-2" aria-describedby={state.fieldErrors?.role ? "role-error" : undefined}>
        <legend className="font-medium">I am a</legend>
        {(["student", "teacher"] as const).map((r) => (
          <label key={r} className="flex items-center gap-3 rounded-md border border-stone-300 bg-white px-3 py-3">
            <input type="radio" name="role" value={r} defaultChecked={role === r} className="h-5 w-5" />
            <span>{r === "student" ? "Student — I study decks and take quizzes" : "Teacher — I run classes (and can study too)"}</span>
          </label>
        ))}
        {state.fieldErrors?.role ? (
          <p id="role-error" className="text-sm font-medium text-red-800">
            {state.fieldErrors.role}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
      <p className="text-sm">
        Already have an account?{" "}
        <Link href={`/sign-in${returnTo !== "/" ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`} className="text-accent underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </form>
  );
}
