import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { joinCodeInPath } from "@/lib/classes/join-code";
import { peekJoinCode, type JoinableClass } from "@/lib/data/classes";
import { AppError } from "@/lib/errors";

/** The class a join link is for, seen before sign-in (under the per-address wrong-code limit); null when it opens none. */
export async function classOfJoinPath(path: string): Promise<JoinableClass | null> {
  const code = joinCodeInPath(path);
  if (code === null || code.length > 40) return null;
  try {
    return await peekJoinCode(clientAddress(await headers()), code, new Date());
  } catch (e) {
    if (e instanceof AppError && e.status < 500) return null;
    throw e;
  }
}

/** On the sign-in and sign-up pages opened from a join link: which class the student is about to join. */
export async function JoiningNote({ returnTo }: { returnTo: string }) {
  const found = await classOfJoinPath(returnTo);
  if (!found) return null;
  return (
    <p className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sky-950 [overflow-wrap:anywhere]" data-testid="joining-note">
      You are joining <span className="font-semibold">{found.name}</span>, taught by {found.teacherName}. After this you come back to join.
    </p>
  );
}
