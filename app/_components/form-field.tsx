import type { InputHTMLAttributes, Ref } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; error?: string; hint?: string; ref?: Ref<HTMLInputElement> };

/** A labelled input whose error and hint are tied to it for screen readers. */
export function FormField({ name, label, error, hint, id, ...input }: Props) {
  const fieldId = id ?? `f-${name}`;
  const described = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2.5 text-base aria-[invalid]:border-red-700"
        {...input}
      />
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
