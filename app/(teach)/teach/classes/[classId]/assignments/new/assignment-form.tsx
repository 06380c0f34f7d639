"use client";

import { useActionState, useState } from "react";
import { createAssignmentAction, updateAssignmentAction } from "@/app/(teach)/teach/actions";
import { PAST_DUE_MESSAGE } from "@/lib/classes/past-due";
import type { ActionState } from "@/app/_lib/action-state";
import { FormField } from "@/app/_components/form-field";
import { FormStatus } from "@/app/_components/form-status";
import { SubmitButton } from "@/app/_components/submit-button";

const TYPE_LABELS: Record<string, string> = {
  "multiple-choice": "Multiple choice",
  "true-false": "True or false",
  "typed-date": "Type the date",
  "short-answer": "Short answer",
  cloze: "Fill the gap",
  timeline: "Put in order",
  matching: "Matching",
  "according-to-whom": "According to whom",
};

const MULTIPLIERS = [
  { value: "1", label: "Normal time" },
  { value: "1.5", label: "1.5×" },
  { value: "2", label: "2×" },
  { value: "untimed", label: "Untimed" },
];

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="text-sm font-medium text-red-800">
      {error}
    </p>
  ) : null;
}

type Props = {
  classId: string;
  timeZone: string;
  decks: { id: string; title: string; cardCount: number }[];
  students: { id: string; name: string; multiplier: string }[];
  types: string[];
  /** The fields' starting values as the form sends them (openAt and dueAt always; on an edit, every stored field). */
  defaults: Record<string, string> & { openAt: string; dueAt: string };
  /** Editing this assignment (its kind stays); absent: a new one. */
  assignmentId?: string;
};

export function AssignmentForm({ classId, timeZone, decks, students, types, defaults, assignmentId }: Props) {
  const editing = assignmentId !== undefined;
  const [state, action] = useActionState<ActionState, FormData>(editing ? updateAssignmentAction : createAssignmentAction, {});
  const v: Record<string, string | undefined> = { ...defaults, ...(state.values ?? {}) };
  const e = state.fieldErrors ?? {};
  const [kind, setKind] = useState<string>(v.kind ?? "quiz");
  const chosenTypes = v.types !== undefined ? v.types.split(",") : types.filter((t) => t !== "matching" && t !== "timeline");
  const askPastDue = e.dueAt === PAST_DUE_MESSAGE || v.confirmPastDue === "on";
  const radio = "h-5 w-5 accent-[var(--color-accent)]";
  return (
    <form action={action} className="space-y-5" noValidate key={JSON.stringify(state.values ?? {})}>
      <FormStatus formError={state.formError} stamp={state} />
      <input type="hidden" name="classId" value={classId} />
      {editing ? <input type="hidden" name="assignmentId" value={assignmentId} /> : null}

      {editing ? (
        <>
          <input type="hidden" name="kind" value={kind} />
          <p>
            <span className="font-medium">Kind:</span> {kind === "quiz" ? "Quiz" : "Review"} <span className="text-sm text-muted">(to change it, make a new assignment)</span>
          </p>
          <ErrorText id="f-kind-error" error={e.kind} />
        </>
      ) : (
      <fieldset className="space-y-2" aria-describedby={e.kind ? "f-kind-error" : undefined}>
        <legend className="font-medium">Kind</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" value="quiz" className={radio} checked={kind === "quiz"} onChange={() => setKind("quiz")} /> Quiz
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" value="review" className={radio} checked={kind === "review"} onChange={() => setKind("review")} /> Review (study every card of the deck)
        </label>
        <ErrorText id="f-kind-error" error={e.kind} />
      </fieldset>
      )}

      <div className="space-y-1">
        <label htmlFor="f-deckId" className="block font-medium">
          Deck
        </label>
        <select
          id="f-deckId"
          name="deckId"
          defaultValue={v.deckId ?? decks[0]?.id}
          aria-invalid={e.deckId ? true : undefined}
          aria-describedby={e.deckId ? "f-deckId-error" : undefined}
          className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2.5"
        >
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title} ({d.cardCount} cards)
            </option>
          ))}
        </select>
        <ErrorText id="f-deckId-error" error={e.deckId} />
      </div>

      <FormField name="title" label="Title (optional)" hint="Empty: the deck's title." defaultValue={v.title} error={e.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="openAt" label="Opens" type="datetime-local" required defaultValue={v.openAt} error={e.openAt} hint={editing ? `Time in ${timeZone}` : `Now, unless you pick a later time (${timeZone})`} />
        <FormField name="dueAt" label="Due" type="datetime-local" required defaultValue={v.dueAt} error={e.dueAt} hint={`Late work is accepted and marked late.`} />
      </div>
      {askPastDue ? (
        <label className="flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <input type="checkbox" name="confirmPastDue" defaultChecked={v.confirmPastDue === "on"} className="h-5 w-5" /> Yes, save it with a due date in the past
        </label>
      ) : null}

      {kind === "quiz" ? (
        <div className="space-y-5 rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="text-lg font-semibold">Quiz settings</h2>
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField name="questionCount" label="Questions" type="number" inputMode="numeric" min={1} max={50} defaultValue={v.questionCount ?? "10"} error={e.questionCount} />
            <FormField name="timeLimitMinutes" label="Time limit (min)" type="number" inputMode="numeric" min={1} max={180} defaultValue={v.timeLimitMinutes ?? ""} error={e.timeLimitMinutes} hint="Empty: no limit." />
            <FormField name="attemptsAllowed" label="Attempts allowed" type="number" inputMode="numeric" min={1} max={10} defaultValue={v.attemptsAllowed ?? "1"} error={e.attemptsAllowed} />
          </div>

          <fieldset className="space-y-1" aria-describedby={e.types ? "f-types-error" : undefined}>
            <legend className="font-medium">Question types</legend>
            <div className="grid gap-1 sm:grid-cols-2">
              {types.map((t) => (
                <label key={t} className="flex items-center gap-2 py-1">
                  <input type="checkbox" name="types" value={t} defaultChecked={chosenTypes.includes(t)} className="h-5 w-5" /> {TYPE_LABELS[t] ?? t}
                </label>
              ))}
            </div>
            <ErrorText id="f-types-error" error={e.types} />
          </fieldset>

          <fieldset className="space-y-1" aria-describedby={e.feedback ? "f-feedback-error" : undefined}>
            <legend className="font-medium">Feedback</legend>
            <label className="flex items-center gap-2 py-1">
              <input type="radio" name="feedback" value="immediate" defaultChecked={(v.feedback ?? "immediate") === "immediate"} className={radio} /> After each answer
            </label>
            <label className="flex items-center gap-2 py-1">
              <input type="radio" name="feedback" value="end" defaultChecked={v.feedback === "end"} className={radio} /> Only at the end
            </label>
            <ErrorText id="f-feedback-error" error={e.feedback} />
          </fieldset>

          <fieldset className="space-y-1" aria-describedby={e.questionSet ? "f-questionSet-error" : undefined}>
            <legend className="font-medium">Question set</legend>
            <label className="flex items-center gap-2 py-1">
              <input type="radio" name="questionSet" value="per-student" defaultChecked={(v.questionSet ?? "per-student") === "per-student"} className={radio} /> Each student gets their own questions
            </label>
            <label className="flex items-center gap-2 py-1">
              <input type="radio" name="questionSet" value="fixed" defaultChecked={v.questionSet === "fixed"} className={radio} /> One set for the whole class
            </label>
            <ErrorText id="f-questionSet-error" error={e.questionSet} />
          </fieldset>

          <label className="flex items-center gap-2">
            <input type="checkbox" name="shuffle" defaultChecked={v.shuffle === undefined ? true : v.shuffle === "on"} className="h-5 w-5" /> Shuffle the order for each student
          </label>

          {students.length > 0 ? (
            <fieldset className="space-y-2">
              <legend className="font-medium">Extra time (timed quizzes)</legend>
              <p className="text-sm text-muted">Starts from each student&apos;s setting on the class roster.</p>
              <ul className="space-y-2">
                {students.map((s) => {
                  const key = `timeMultipliers.${s.id}`;
                  const id = `f-tm-${s.id}`;
                  return (
                    <li key={s.id} className="flex flex-wrap items-center gap-2">
                      <label htmlFor={id} className="min-w-0 max-w-full basis-40 grow [overflow-wrap:anywhere]">
                        {s.name}
                      </label>
                      <select
                        id={id}
                        name={key}
                        defaultValue={v[key] ?? s.multiplier}
                        aria-invalid={e[key] ? true : undefined}
                        aria-describedby={e[key] ? `${id}-error` : undefined}
                        className="rounded-md border border-stone-400 bg-white px-2 py-1.5"
                      >
                        {MULTIPLIERS.map((m) => (
                          <option key={m.value} value={m.value}>
                            {m.label}
                          </option>
                        ))}
                      </select>
                      <ErrorText id={`${id}-error`} error={e[key]} />
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ) : null}
        </div>
      ) : null}

      <SubmitButton pendingText="Saving…">{editing ? "Save changes" : "Create assignment"}</SubmitButton>
    </form>
  );
}
