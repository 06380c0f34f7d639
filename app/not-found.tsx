import Link from "next/link";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found" };

/**
 * The site's own 404 page, inside the layout. Next's built-in one carries an
 * inline <style> without the request's nonce, which the CSP blocks.
 */
export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="max-w-2xl text-stone-700">There is no page at this address.</p>
      <p>
        <Link href="/" className="text-accent underline underline-offset-4">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
