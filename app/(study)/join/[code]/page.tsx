import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { headers } from "next/headers";
import { lookUpJoinCode, peekJoinCode, type JoinableClass } from "@/lib/data/classes";
import { clientAddress } from "@/lib/auth/client-address";
import { Invalid } from "@/lib/errors";
import { RateLimited } from "@/lib/errors";
import { currentViewer } from "@/app/_lib/viewer";
import { JoinForm } from "../join-form";

export const metadata: Metadata = { title: "Join a class" };

/**
 * The code in the link, as text of a sensible length (percent-escapes read,
 * a broken escape left as typed); its format is checked by the lookup,
 * which says what is wrong.
 */
const codeParam = z
  .string()
  .transform((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  })
  .pipe(z.string().max(40));

/**
 * A join link. Signed out: which class and teacher the code opens (the
 * wrong-code limit counted per address), and links to create a student
 * account or sign in that come back here. Signed in: the class, and one
 * button to join — the GET
 * itself joins nothing (a wrong code counts towards the wrong-code limit,
 * as it would typed into the form).
 */
export default async function JoinLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const viewer = await currentViewer();
  const self = `/join/${encodeURIComponent(raw)}`;
  const parsed = codeParam.safeParse(raw);
  let found: JoinableClass | null = null;
  let problem: string | null = null;
  try {
    if (!parsed.success) throw Invalid.fields({ joinCode: "This link does not hold a join code. Type the code instead." });
    found = viewer ? await lookUpJoinCode(viewer, parsed.data, new Date()) : await peekJoinCode(clientAddress(await headers()), parsed.data, new Date());
  } catch (e) {
    if (e instanceof Invalid) problem = e.fieldErrors.joinCode ?? "This join code does not work.";
    else if (e instanceof RateLimited) problem = e.message;
    else throw e;
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Join a class</h1>
      {problem || !found ? (
        <>
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
            {problem}
          </p>
          <p>
            <Link href="/join" className="text-accent underline underline-offset-4">
              Type a code instead
            </Link>
          </p>
        </>
      ) : !viewer ? (
        <>
          <p className="text-lg [overflow-wrap:anywhere]" data-testid="join-class">
            <span className="font-semibold">{found.name}</span>
            <span className="block text-base text-stone-700">taught by {found.teacherName}</span>
          </p>
          <p>To join, create a student account or sign in. You come back here afterwards.</p>
          <p className="flex flex-wrap gap-3">
            <Link href={`/sign-up?returnTo=${encodeURIComponent(self)}`} className="rounded-md bg-accent px-4 py-2.5 font-semibold text-white hover:bg-blue-800">
              Create a student account
            </Link>
            <Link href={`/sign-in?returnTo=${encodeURIComponent(self)}`} className="rounded-md border border-stone-400 px-4 py-2.5 hover:bg-stone-100">
              Sign in
            </Link>
          </p>
        </>
      ) : viewer.role === "teacher" ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          Join codes are for student accounts. Sign in as a student to join {found.name}.
        </p>
      ) : (
        <>
          <p className="text-lg [overflow-wrap:anywhere]" data-testid="join-class">
            <span className="font-semibold">{found.name}</span>
            <span className="block text-base text-stone-700">taught by {found.teacherName}</span>
          </p>
          <JoinForm fixedCode={found.joinCode} buttonText={`Join ${found.name}`} />
        </>
      )}
    </div>
  );
}
