import type { Metadata } from "next";
import { pageUser } from "../../_lib/viewer";
import { ChangeNameForm, ChangePasswordForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await pageUser("/account");
  return (
    <div className="mx-auto max-w-md space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Your account</h1>
        <p className="text-stone-700">
          {viewer.email} · <span className="capitalize">{viewer.role}</span>
        </p>
      </header>
      <ChangeNameForm name={viewer.name} />
      <ChangePasswordForm />
    </div>
  );
}
