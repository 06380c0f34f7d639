import Link from "next/link";
import type { Viewer } from "@/lib/auth/roles";
import { signOutAction } from "../(auth)/actions";
import { SignOutButton } from "./sign-out-button";

/** Who is signed in (name and role), with account and sign-out; or sign-in and sign-up links. */
export function AccountMenu({ viewer }: { viewer: Viewer | null }) {
  if (!viewer) {
    return (
      <div className="flex items-center gap-3 text-base">
        <Link href="/sign-in" className="rounded px-1 py-2 underline-offset-4 hover:underline">
          Sign in
        </Link>
        <Link href="/sign-up" className="rounded-md bg-accent px-3 py-2 font-medium text-white">
          Sign up
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-base" data-testid="account-menu">
      <Link href="/account" className="rounded px-1 py-2 underline-offset-4 hover:underline">
        <span className="font-medium">{viewer.name}</span> <span className="text-sm text-muted">({viewer.role})</span>
      </Link>
      <form action={signOutAction} className="contents">
        <SignOutButton userId={viewer.id} />
      </form>
    </div>
  );
}
