import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Offline" };

/** What the service worker shows for a page that was never opened on this device while there is no network. */
export default function OfflinePage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">You are offline</h1>
      <p>This page has not been opened on this device yet, so there is no copy of it here.</p>
      <p>
        Decks you have opened for review still work offline: your grades are kept on this device and sent when the connection comes back.
      </p>
      <p>
        <Link href="/dashboard" className="text-accent underline underline-offset-4">
          Back to the dashboard
        </Link>
      </p>
    </div>
  );
}
