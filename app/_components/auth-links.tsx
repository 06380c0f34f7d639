"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const AUTH_PAGES = new Set(["/sign-in", "/sign-up"]);

/**
 * Where the header's "Sign in" and "Sign up" come back to: on the sign-in
 * and sign-up pages, the `returnTo` they already carry (so switching
 * between them keeps a join link); anywhere else, the page itself.
 */
export function returnToFor(pathname: string, search: string): string | null {
  if (AUTH_PAGES.has(pathname)) return new URLSearchParams(search).get("returnTo");
  const here = `${pathname}${search ? `?${search}` : ""}`;
  return here === "/" ? null : here;
}

function withReturnTo(href: string, returnTo: string | null): string {
  return returnTo ? `${href}?returnTo=${encodeURIComponent(returnTo)}` : href;
}

/** The signed-out header's links, keeping the page (a join link above all) to come back to. */
export function AuthLinks() {
  const returnTo = returnToFor(usePathname(), useSearchParams().toString());
  return <AuthLinksFor returnTo={returnTo} />;
}

/** The links themselves; without a known page (before the search params are read) they carry none. */
export function AuthLinksFor({ returnTo }: { returnTo: string | null }) {
  return (
    <div className="flex items-center gap-3 text-base">
      <Link href={withReturnTo("/sign-in", returnTo)} className="rounded px-1 py-2 underline-offset-4 hover:underline">
        Sign in
      </Link>
      <Link href={withReturnTo("/sign-up", returnTo)} className="rounded-md bg-accent px-3 py-2 font-medium text-white">
        Sign up
      </Link>
    </div>
  );
}
