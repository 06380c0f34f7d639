"use client";

import { useEffect, useRef } from "react";

/**
 * A hidden `timeZone` field holding the browser's IANA time zone, so a new
 * account's daily limits count in the student's own day from the start
 * rather than in UTC (the server only adopts it while no zone was saved).
 */
export function BrowserTimeZoneField() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  }, []);
  return <input ref={ref} type="hidden" name="timeZone" defaultValue="" />;
}
