import "server-only";
import type { z } from "zod";
import { AppError, Invalid } from "@/lib/errors";

/** A JSON error response: `{ error, fieldErrors? }` with the typed error's status. */
export function errorResponse(e: unknown): Response {
  if (e instanceof AppError && e.status < 500) {
    const body: Record<string, unknown> = { error: e.message };
    if (e instanceof Invalid && Object.keys(e.fieldErrors).length) body.fieldErrors = e.fieldErrors;
    return Response.json(body, { status: e.status, headers: { "cache-control": "no-store" } });
  }
  throw e;
}

/** zod issues as a 400 with one message per field. */
export function invalidInput(error: z.ZodError): Response {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".") || "body"] ??= issue.message;
  return Response.json({ error: "The request is not valid.", fieldErrors }, { status: 400 });
}

/** The request body as JSON, or undefined when it is not JSON (the schema then reports it). */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

export const unauthorized = () => Response.json({ error: "Please sign in first." }, { status: 401 });

/**
 * A 403 for a state-changing request sent from another site (its Origin
 * names another host), else null. The session cookie is SameSite=Lax
 * already; this is the second lock.
 */
export function crossSiteRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (!origin) return null;
  let host = "";
  try {
    host = new URL(origin).host;
  } catch {
    /* "null" or garbage: not this site */
  }
  if (host && (host === request.headers.get("host") || host === request.headers.get("x-forwarded-host"))) return null;
  return Response.json({ error: "Requests from other sites are not accepted." }, { status: 403, headers: { "cache-control": "no-store" } });
}
