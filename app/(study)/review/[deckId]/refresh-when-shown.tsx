"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Whether one has mounted since the page loaded: a later mount means cards were graded since the server rendered it. */
let mountedBefore = false;

/**
 * Re-renders the page's server parts once when this mounts, if they may be
 * out of date: rendered while a card was still on screen (`stale`), or
 * shown again after more grades. The "Done for now" extras then show what is
 * left after the grades just made.
 */
export function RefreshWhenShown({ stale }: { stale: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (stale || mountedBefore) router.refresh();
    mountedBefore = true;
    // Once per mount: after the refresh this stays mounted with `stale` false.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}
