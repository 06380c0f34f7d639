"use client";

import { useEffect, useRef, useState } from "react";
import type { PublicQuestion } from "../quiz-view";

type Response = string | string[] | { left: string; right: string }[];

const inputClass = "block w-full rounded-md border border-stone-400 bg-white px-3 py-2.5 text-base aria-[invalid]:border-red-700";

function typedHint(q: PublicQuestion): string | null {
  if (q.type === "typed-date" || q.answerKind === "date") return "Write the month as a word (9 November 2020) or use 2020-11-09. Give as much of the date as you can.";
  if (q.answerKind === "number") return "A figure is fine: 2000, 2,000 or two thousand.";
  return null;
}

/** A question's inputs: radio groups for choices, a labelled text box for typed answers, up/down buttons to order, a select per item to match. */
export function QuestionForm({
  question,
  number,
  total,
  pending,
  serverError,
  onSubmit,
}: {
  question: PublicQuestion;
  number: number;
  total: number;
  pending: boolean;
  serverError: string | null;
  onSubmit: (response: Response) => void;
}) {
  const q = question;
  const id = `q-${number}`;
  const errorId = `${id}-error`;
  const [choice, setChoice] = useState<string>("");
  const [text, setText] = useState("");
  const [order, setOrder] = useState<string[]>(q.options ?? []);
  const [pairs, setPairs] = useState<Record<string, string>>({});
  const [localError, setLocalError] = useState<string | null>(null);
  const [moved, setMoved] = useState<{ label: string; dir: "up" | "down" } | null>(null);
  const [announce, setAnnounce] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const error = localError ?? serverError;

  useEffect(() => {
    if (!error) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [error]);

  useEffect(() => {
    if (!moved) return;
    const i = order.indexOf(moved.label);
    const want = formRef.current?.querySelector<HTMLButtonElement>(`[data-move="${i}-${moved.dir}"]`);
    const other = formRef.current?.querySelector<HTMLButtonElement>(`[data-move="${i}-${moved.dir === "up" ? "down" : "up"}"]`);
    (want && !want.disabled ? want : other)?.focus();
  }, [moved, order]);

  const choices = q.type === "true-false" ? (q.options ?? ["True", "False"]) : q.options;
  const isChoice = (q.type === "multiple-choice" || q.type === "true-false" || q.type === "according-to-whom") && !!choices?.length;
  const isTyped = !isChoice && q.type !== "timeline" && q.type !== "matching";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (isChoice) {
      if (!choice) return setLocalError("Choose an answer.");
      setLocalError(null);
      return onSubmit(choice);
    }
    if (q.type === "timeline") {
      setLocalError(null);
      return onSubmit(order);
    }
    if (q.type === "matching") {
      const lefts = q.left ?? [];
      if (lefts.some((l) => !pairs[l])) return setLocalError("Match every item before you check.");
      setLocalError(null);
      return onSubmit(lefts.map((l) => ({ left: l, right: pairs[l]! })));
    }
    if (!text.trim()) return setLocalError("Type an answer, or choose “I don't know”.");
    setLocalError(null);
    onSubmit(text);
  }

  function move(i: number, dir: "up" | "down") {
    const j = dir === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= order.length) return;
    const next = [...order];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setOrder(next);
    setMoved({ label: order[i]!, dir });
    setAnnounce(`Moved to position ${j + 1} of ${order.length}.`);
  }

  const describedBy = error ? errorId : undefined;
  const invalid = error ? true : undefined;
  const hint = isTyped ? typedHint(q) : null;

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" data-testid="question-form" data-question-type={q.type} data-question-id={q.id}>
      {isChoice ? (
        <fieldset aria-describedby={describedBy} className="space-y-2">
          <legend className="mb-2 text-lg font-medium">{q.prompt}</legend>
          {choices!.map((o, i) => (
            <label
              key={o}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-stone-300 bg-white px-3 py-2 has-[:checked]:border-blue-800 has-[:checked]:bg-blue-50"
            >
              <input
                type="radio"
                name={id}
                value={o}
                checked={choice === o}
                onChange={() => setChoice(o)}
                aria-invalid={i === 0 ? invalid : undefined}
                className="size-5 shrink-0 accent-blue-800"
              />
              <span>{o}</span>
            </label>
          ))}
        </fieldset>
      ) : null}

      {isTyped ? (
        <div className="space-y-2">
          <label htmlFor={`${id}-text`} className="block text-lg font-medium">
            {q.prompt}
          </label>
          {hint ? (
            <p id={`${id}-hint`} className="text-sm text-muted">
              {hint}
            </p>
          ) : null}
          <input
            id={`${id}-text`}
            type="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={500}
            aria-invalid={invalid}
            aria-describedby={[hint ? `${id}-hint` : null, describedBy].filter(Boolean).join(" ") || undefined}
            className={inputClass}
          />
        </div>
      ) : null}

      {q.type === "timeline" ? (
        <fieldset aria-describedby={[`${id}-how`, describedBy].filter(Boolean).join(" ")} className="space-y-2">
          <legend className="mb-1 text-lg font-medium">{q.prompt}</legend>
          <p id={`${id}-how`} className="text-sm text-muted">
            Use the Up and Down buttons to move an event. The first in the list is the earliest.
          </p>
          <ol className="space-y-2" data-testid="timeline-list">
            {order.map((label, i) => (
              <li key={label} className="flex items-center gap-2 rounded-md border border-stone-300 bg-white p-2">
                <span className="w-6 shrink-0 text-center font-semibold text-stone-600" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="flex-1">{label}</span>
                <span className="flex shrink-0 flex-col gap-1 sm:flex-row">
                  <button
                    type="button"
                    data-move={`${i}-up`}
                    onClick={() => move(i, "up")}
                    disabled={i === 0}
                    aria-label={`Move up: ${label}`}
                    className="min-h-11 min-w-11 rounded-md border border-stone-400 px-2 hover:bg-stone-100 disabled:opacity-40"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    data-move={`${i}-down`}
                    onClick={() => move(i, "down")}
                    disabled={i === order.length - 1}
                    aria-label={`Move down: ${label}`}
                    className="min-h-11 min-w-11 rounded-md border border-stone-400 px-2 hover:bg-stone-100 disabled:opacity-40"
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <p role="status" className="sr-only">
            {announce}
          </p>
        </fieldset>
      ) : null}

      {q.type === "matching" ? (
        <fieldset aria-describedby={describedBy} className="space-y-3">
          <legend className="mb-1 text-lg font-medium">{q.prompt}</legend>
          {(q.left ?? []).map((left, i) => (
            <div key={left} className="space-y-1 rounded-md border border-stone-300 bg-white p-3">
              <label htmlFor={`${id}-m${i}`} className="block">
                {left}
              </label>
              <select
                id={`${id}-m${i}`}
                value={pairs[left] ?? ""}
                onChange={(e) => setPairs({ ...pairs, [left]: e.target.value })}
                aria-invalid={invalid && !pairs[left] ? true : undefined}
                className={inputClass}
              >
                <option value="">Choose…</option>
                {(q.right ?? []).map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      ) : null}

      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}

      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-accent px-4 py-3 text-base font-semibold text-white hover:bg-blue-800 disabled:opacity-70 sm:w-auto"
        >
          {pending ? "Checking…" : number === total ? "Submit the last answer" : "Submit answer"}
        </button>
        {isTyped ? (
          <button
            type="button"
            disabled={pending}
            onClick={() => {
              setLocalError(null);
              onSubmit("");
            }}
            className="w-full rounded-md border border-stone-400 px-4 py-3 text-base hover:bg-stone-100 disabled:opacity-70 sm:w-auto"
          >
            I don&apos;t know
          </button>
        ) : null}
      </div>
    </form>
  );
}
