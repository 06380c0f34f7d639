import type { Metadata } from "next";
import { z } from "zod";
import { pageUser } from "../../_lib/viewer";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Join a class" };

/** ?code=… from a shared link: text of a sensible length, else ignored (the form then starts empty). */
const joinQuery = z.object({ code: z.string().trim().max(40).optional().catch("") });

export default async function JoinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const code = joinQuery.safeParse(await searchParams).data?.code ?? "";
  // Signed out: sign in (or sign up) and come back here with the code still filled in.
  const viewer = await pageUser(code ? `/join?code=${encodeURIComponent(code)}` : "/join");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Join a class</h1>
      {viewer.role === "teacher" ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          Join codes are for student accounts. Your own classes are under Teach.
        </p>
      ) : (
        <JoinForm initialCode={code} />
      )}
    </div>
  );
}
