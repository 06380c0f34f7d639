import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/roles";

/** Who is asking, once per request. */
export const currentViewer = cache(async (): Promise<Viewer | null> => getViewer(await headers()));

/** For pages: the viewer, or a redirect to sign-in that comes back to `returnTo`. */
export async function pageUser(returnTo: string): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** For teacher pages: signed-in teachers only; a student is sent to their dashboard with a notice. */
export async function pageTeacher(returnTo: string): Promise<Viewer> {
  const viewer = await pageUser(returnTo);
  if (viewer.role !== "teacher") redirect("/dashboard?notice=teachers-only");
  return viewer;
}
