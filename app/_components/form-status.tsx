"use client";

import { useEffect, useRef } from "react";

/**
 * The form-level message. After a submit that failed, focus moves to the
 * first invalid field (or to this message when no field is to blame), so
 * keyboard and screen-reader users land on what needs fixing.
 */
export function FormStatus({ formError, message, stamp }: { formError?: string; message?: string; stamp: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!formError) return;
    const form = ref.current?.closest("form");
    const firstInvalid = form?.querySelector<HTMLElement>("[aria-invalid='true']");
    (firstInvalid ?? ref.current)?.focus();
  }, [stamp, formError]);
  if (!formError && !message) return <div ref={ref} tabIndex={-1} />;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={formError ? "alert" : "status"}
      className={`rounded-md border px-3 py-2 ${formError ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}
    >
      {formError ?? message}
    </div>
  );
}
