import "server-only";
import type { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/roles";
import { AppError, databaseBusy, Invalid, RateLimited } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/field-errors";

/*
 * The one edge helper module of the route handlers: who is asking, the
 * body, and typed errors as JSON. Every answer is `{ error, fieldErrors? }`
 * on failure and never cached.
 */

const NO_STORE = { "cache-control": "no-store" };

/** A JSON response that is never cached. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * A typed error from lib as its HTTP status and message: Invalid with its
 * field errors, RateLimited with `retry-after`; a database too busy to answer
 * in time (`databaseBusy`: a pool or transaction timeout) as 503 with
 * `retry-after`, since nothing was written. Anything else — and a typed
 * error of status 500, a broken precondition — is rethrown (a real 500, logged).
 */
export function errorResponse(e: unknown): Response {
  const busy = databaseBusy(e);
  if (busy) return json(busy.status, { error: busy.message }, { "retry-after": String(busy.retryAfterSeconds) });
  if (!(e instanceof AppError) || e.status >= 500) throw e;
  const body: Record<string, unknown> = { error: e.message };
  if (e instanceof Invalid && Object.keys(e.fieldErrors).length) body.fieldErrors = e.fieldErrors;
  return json(e.status, body, e instanceof RateLimited ? { "retry-after": String(e.retryAfterSeconds) } : {});
}

/** zod issues as a 400 with one message per field (`body` for the request as a whole). */
export function invalidInput(error: z.ZodError, message = "The request is not valid."): Response {
  return json(400, { error: message, fieldErrors: fieldErrorsOf(error.issues, "body") });
}

/** The request body as JSON, or undefined when it is not JSON (the schema then reports it). */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

const unauthorized = () => json(401, { error: "Please sign in first." });

/**
 * A 403 for a state-changing request sent from another site (its Origin
 * names another host), else null. The session cookie is SameSite=Lax
 * already; this is the second lock.
 */
function crossSiteRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (!origin) return null;
  let host = "";
  try {
    host = new URL(origin).host;
  } catch {
    /* "null" or garbage: not this site */
  }
  if (host && (host === request.headers.get("host") || host === request.headers.get("x-forwarded-host"))) return null;
  return json(403, { error: "Requests from other sites are not accepted." });
}

/**
 * Who is asking: a 403 for a state-changing request from another site
 * (`stateChanging`), a 401 when nobody is signed in, else the viewer.
 */
export async function apiCaller(request: Request, opts: { stateChanging: boolean }): Promise<Viewer | Response> {
  if (opts.stateChanging) {
    const refused = crossSiteRefusal(request);
    if (refused) return refused;
  }
  const viewer = await getViewer(request.headers);
  return viewer ?? unauthorized();
}

/** Route params are checked like input: an attempt id of the wrong shape is a 404, never a query. */
export const ATTEMPT_ID = /^[A-Za-z0-9-]{1,100}$/;
