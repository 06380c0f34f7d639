"use client";

import { useActionState } from "react";
import { MORE_NEW_MAX_PER_DAY, REVIEW_AHEAD_MAX_DAYS } from "@/lib/srs/study-more-limits";
import type { ActionState } from "@/app/_lib/action-state";
import { FormField } from "../../_components/form-field";
import { FormStatus } from "../../_components/form-status";
import { studyMoreAction } from "./study-more-actions";

function ChoiceForm({ deckId, from, kind, label, hint, button, min, max, defaultValue }: {
  deckId: string;
  from: "deck" | "review";
  kind: "new" | "ahead";
  label: string;
  hint: string;
  button: string;
  min: number;
  max: number;
  defaultValue: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(studyMoreAction, {});
  const id = `study-more-${kind}-${from}`;
  return (
    <form action={action} noValidate className="space-y-2" data-testid={id}>
      <FormStatus formError={state.formError} stamp={state} />
      <input type="hidden" name="deckId" value={deckId} />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="kind" value={kind} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-48">
          <FormField name="amount" id={id} label={label} hint={hint} type="number" inputMode="numeric" min={min} max={max} required defaultValue={state.values?.amount ?? defaultValue} error={state.fieldErrors?.amount} />
        </div>
        <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-accent px-4 py-2 font-semibold text-accent hover:bg-blue-50 disabled:opacity-60">
          {pending ? "Saving…" : button}
        </button>
      </div>
    </form>
  );
}

/**
 * "Study more" past today's limits, as Anki's custom study: more new cards
 * today (added to the day's limit for this deck), or review ahead (cards due
 * in the next days come in today). `moreNewLeft` is what today still allows.
 */
export function StudyMoreForm({ deckId, from, moreNewLeft, aheadDays }: { deckId: string; from: "deck" | "review"; moreNewLeft: number; aheadDays: number }) {
  return (
    <div className="space-y-4" data-testid="study-more">
      {moreNewLeft > 0 ? (
        <ChoiceForm
          deckId={deckId}
          from={from}
          kind="new"
          label="More new cards today"
          hint={`Raises today's new-card limit for this deck (up to ${Math.min(moreNewLeft, MORE_NEW_MAX_PER_DAY)} more); cards of facts you saw today can come too.`}
          button="Add new cards"
          min={1}
          max={moreNewLeft}
          defaultValue={String(Math.min(10, moreNewLeft))}
        />
      ) : (
        <p className="text-sm text-muted">You have added the most extra new cards for today.</p>
      )}
      <ChoiceForm
        deckId={deckId}
        from={from}
        kind="ahead"
        label="Review ahead (days)"
        hint={aheadDays > 0 ? `Now: cards due in the next ${aheadDays} day${aheadDays === 1 ? "" : "s"}.` : "Cards due in the next days, today."}
        button="Review ahead"
        min={1}
        max={REVIEW_AHEAD_MAX_DAYS}
        defaultValue={String(Math.max(1, aheadDays))}
      />
    </div>
  );
}
