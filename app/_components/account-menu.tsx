import Link from "next/link";
import { Suspense } from "react";
import { AuthLinks, AuthLinksFor } from "./auth-links";
import type { Viewer } from "@/lib/auth/roles";
import { signOutAction } from "../(auth)/actions";
import { SignOutButton } from "./sign-out-button";

/** Who is signed in (name and role), with account and sign-out; or sign-in and sign-up links. */
export function AccountMenu({ viewer }: { viewer: Viewer | null }) {
  if (!viewer) {
    // The search params are read in the browser; until then (and on a static page) the plain links.
    return (
      <Suspense fallback={<AuthLinksFor returnTo={null} />}>
        <AuthLinks />
      </Suspense>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-base" data-testid="account-menu">
      <Link href="/account" className="rounded px-1 py-2 underline-offset-4 hover:underline">
        <span className="font-medium [overflow-wrap:anywhere]">{viewer.name}</span> <span className="text-sm text-muted">({viewer.role})</span>
      </Link>
      <form action={signOutAction} className="contents">
        <SignOutButton userId={viewer.id} />
      </form>
    </div>
  );
}
