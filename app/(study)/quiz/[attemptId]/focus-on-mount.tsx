"use client";

import { useEffect, useRef } from "react";

/** A page heading that takes focus when it appears (after finishing a quiz), so screen readers start at the result. */
export function FocusHeading({ children, className }: { children: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}
