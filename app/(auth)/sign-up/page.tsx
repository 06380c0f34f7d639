import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnTo } from "@/lib/auth/forms";
import { currentViewer } from "../../_lib/viewer";
import { landingPath } from "../landing";
import { JoiningNote } from "../joining-note";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnTo((await searchParams).returnTo);
  const viewer = await currentViewer();
  if (viewer) redirect(landingPath(viewer.role, returnTo));
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <JoiningNote returnTo={returnTo} />
      <SignUpForm returnTo={returnTo} />
    </div>
  );
}
