"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({ children, pendingText }: { children: React.ReactNode; pendingText: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded-md bg-accent px-4 py-3 text-base font-semibold text-white hover:bg-blue-800 disabled:opacity-70 sm:w-auto"
    >
      {pending ? pendingText : children}
    </button>
  );
}
