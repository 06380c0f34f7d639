import type { Viewer } from "@/lib/auth/roles";

/**
 * Where a sign-in or sign-up lands: the page it was asked from (`returnTo`,
 * already made safe by `safeReturnTo`), else the viewer's own home — a
 * teacher's teaching dashboard, a student's dashboard.
 */
export function landingPath(role: Viewer["role"] | undefined, returnTo: string): string {
  if (returnTo !== "/") return returnTo;
  return role === "teacher" ? "/teach" : "/dashboard";
}
