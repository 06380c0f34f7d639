import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/roles";
import { AppError, Invalid, RateLimited } from "@/lib/errors";

const NO_STORE = { "cache-control": "no-store" };

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * Who is asking, for a state-changing quiz request: a 401 when nobody is
 * signed in, a 403 when the request comes from another site (the session
 * cookie is SameSite=Lax already; this is the second lock).
 */
export async function quizCaller(request: Request): Promise<Viewer | Response> {
  const origin = request.headers.get("origin");
  if (origin) {
    let sameSite = false;
    try {
      const host = new URL(origin).host;
      sameSite = host === request.headers.get("host") || host === request.headers.get("x-forwarded-host");
    } catch {
      sameSite = false;
    }
    if (!sameSite) return json(403, { error: "Requests from other sites are not accepted." });
  }
  const viewer = await getViewer(request.headers);
  if (!viewer) return json(401, { error: "Please sign in first." });
  return viewer;
}

/** The request body as JSON, or a 400 response. */
export async function jsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await request.json() };
  } catch {
    return { ok: false, response: json(400, { error: "The request body must be JSON." }) };
  }
}

/** A typed error from lib as its HTTP status and message; anything else is rethrown (a real 500). */
export function errorResponse(e: unknown): Response {
  if (e instanceof Invalid) return json(e.status, { error: e.message, fieldErrors: e.fieldErrors });
  if (e instanceof RateLimited) return json(e.status, { error: e.message }, { "retry-after": String(e.retryAfterSeconds) });
  if (e instanceof AppError && e.status < 500) return json(e.status, { error: e.message });
  throw e;
}

/** Route params are checked like input: an id of the wrong shape is a 404, never a query. */
export const ATTEMPT_ID = /^[A-Za-z0-9-]{1,100}$/;
