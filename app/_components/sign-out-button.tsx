"use client";

import { useState } from "react";

/** The service worker's caches of pages (app/sw/sw.ts): dropped at sign-out so the next account never sees them offline. */
const PAGE_CACHES = ["pages", "pages-rsc"];

/**
 * Sign-out that warns first when this device still holds grades of this
 * account that were not synced (lib/offline outbox): signing out keeps
 * them on the device, to be sent when this account signs in again.
 */
export function SignOutButton({ userId }: { userId: string }) {
  const [waiting, setWaiting] = useState<number | null>(null);
  return (
    <>
      <button
        type="submit"
        className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100"
        onClick={async (e) => {
          const form = e.currentTarget.form;
          if (waiting !== null) {
            await dropPageCaches();
            return; // second press: sign out anyway
          }
          e.preventDefault();
          let n = 0;
          try {
            // Loaded on the press, not with the page: the device store brings zod and idb (about 35 KB gzip),
            // which every signed-in page would otherwise ship for this one button.
            const { pendingGrades } = await import("@/lib/offline/device-store");
            n = (await pendingGrades(userId)).length;
          } catch {
            n = 0;
          }
          if (n > 0) {
            setWaiting(n);
            return;
          }
          await dropPageCaches();
          form?.requestSubmit();
        }}
      >
        {waiting !== null ? "Sign out anyway" : "Sign out"}
      </button>
      {waiting !== null ? (
        <p role="alert" className="w-full text-sm text-red-800" data-testid="unsynced-warning">
          {waiting} {waiting === 1 ? "grade has" : "grades have"} not been synced yet. They stay on this device and are sent when you sign in again here; go online first to send them now.
        </p>
      ) : null}
    </>
  );
}

async function dropPageCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  await Promise.all(PAGE_CACHES.map((name) => caches.delete(name).catch(() => false)));
}
