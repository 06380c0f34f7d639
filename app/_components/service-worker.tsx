"use client";

import { useEffect } from "react";

/**
 * Registers the service worker (/serwist/sw.js, app/sw/sw.ts) in production
 * builds; `next dev` runs without one, so hot reload never meets a cache.
 */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/serwist/sw.js", { scope: "/", type: "module" }).catch(() => undefined);
  }, []);
  return null;
}
