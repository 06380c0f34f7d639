"use client";

import Link from "next/link";

/** Shown when the root layout itself fails: plain markup, no data, a way back. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", padding: "0 1rem" }}>
        <h1>Something went wrong</h1>
        <p>Factdeck could not show this page. Your saved progress is not affected.</p>
        <p>
          <button type="button" onClick={() => reset()}>
            Try again
          </button>{" "}
          or <Link href="/">go to the home page</Link>.
        </p>
      </body>
    </html>
  );
}
