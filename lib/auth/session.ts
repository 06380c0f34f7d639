import { authBaseURL, getAuth, sessionCookieName, SIGN_IN_LIMIT, SIGN_UP_LIMIT } from "./auth-server";
import { weakPasswordMessage } from "./common-password";
import { pastAbsoluteLifetime, sessionLifetime, withCookieMaxAge } from "./session-lifetime";
import { isRole, type Role, type Viewer } from "./roles";
import { Invalid, RateLimited, Unauthorized } from "../errors";
import { clientAddress } from "./client-address";
import { clearSignInFailures, recordSignInFailure, reserveAddressSignIn, signInRefusalSeconds } from "../data/sign-in-failures";
import { reserveSignUp } from "../data/sign-up-slots";
import { envInt } from "../env-int";

/** What the edge needs to finish an auth call: cookies to set, and the viewer when signed in. */
export type AuthOutcome = { setCookies: string[]; viewer?: Viewer };

/** The request facts an auth call needs, taken from the incoming request by the edge. */
export type RequestContext = { headers: Headers };

export { clientAddress };

/**
 * Runs one better-auth endpoint through its router, so its rate limiter
 * applies exactly as for a browser request. The client's address and cookies
 * are forwarded from the incoming request; the call is made from our own
 * server action (Next checks that a server action comes from this site), so
 * it carries the site's own origin.
 */
async function call(ctx: RequestContext, path: string, body: unknown): Promise<Response> {
  const origin = authBaseURL();
  const headers = new Headers({ "content-type": "application/json", origin });
  const cookie = ctx.headers.get("cookie");
  if (cookie) headers.set("cookie", cookie);
  headers.set("x-forwarded-for", clientAddress(ctx.headers));
  const ua = ctx.headers.get("user-agent");
  if (ua) headers.set("user-agent", ua.slice(0, 300));
  return getAuth().handler(new Request(`${origin}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body ?? {}) }));
}

async function failure(res: Response): Promise<never> {
  if (res.status === 429) throw new RateLimited(Number(res.headers.get("x-retry-after") ?? 60));
  let code = "";
  try {
    code = ((await res.json()) as { code?: string }).code ?? "";
  } catch {
    /* no body */
  }
  switch (code) {
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      throw new Invalid("An account with this e-mail address already exists. Sign in instead?", { email: "An account with this e-mail address already exists." });
    case "INVALID_EMAIL_OR_PASSWORD":
      throw new Unauthorized("The e-mail address or the password is wrong.");
    case "INVALID_PASSWORD":
      throw new Invalid("The current password is wrong.", { currentPassword: "The current password is wrong." });
    case "PASSWORD_TOO_SHORT":
    case "PASSWORD_TOO_LONG":
      throw new Invalid("Choose a different password length.", { password: "The password length is not allowed." });
    case "INVALID_EMAIL":
      throw new Invalid("Enter a valid e-mail address.", { email: "Enter a valid e-mail address." });
    default:
      if (res.status === 401) throw new Unauthorized();
      throw new Invalid(`The request was refused (${res.status}${code ? ` ${code}` : ""}).`);
  }
}

function toViewer(user: { id: string; name: string; email: string; role?: unknown }): Viewer {
  return { id: user.id, name: user.name, email: user.email, role: isRole(user.role) ? user.role : "student" };
}

/** A password that is easy to guess → an Invalid for `field`, before anything is written. */
function refuseWeakPassword(password: string, field: string, userInputs: string[]) {
  const message = weakPasswordMessage(password, userInputs);
  if (message) throw new Invalid("Choose a password that is harder to guess.", { [field]: message });
}

/** The Set-Cookie headers of a response, the session cookie kept for the absolute lifetime. */
function sessionCookies(res: Response): string[] {
  const name = sessionCookieName();
  const { absoluteSeconds } = sessionLifetime();
  return res.headers.getSetCookie().map((c) => withCookieMaxAge(c, name, absoluteSeconds));
}

/** Creates an account and signs it in. Input must be validated (lib/auth/forms `signUpSchema`). */
export async function signUp(ctx: RequestContext, input: { name: string; email: string; password: string; role: Role }, now = new Date()): Promise<AuthOutcome> {
  refuseWeakPassword(input.password, "password", [input.name, input.email]);
  // Counted atomically per address before anything is written.
  const wait = await reserveSignUp(clientAddress(ctx.headers), { max: SIGN_UP_LIMIT.max, windowSeconds: SIGN_UP_LIMIT.window }, now);
  if (wait > 0) throw new RateLimited(wait);
  const res = await call(ctx, "/sign-up/email", input);
  if (!res.ok) await failure(res);
  const body = (await res.json()) as { user: { id: string; name: string; email: string; role?: unknown } };
  return { setCookies: sessionCookies(res), viewer: toViewer(body.user) };
}

/**
 * Signs in with e-mail and password. Wrong passwords slow down this
 * (account, address) pair only (lib/auth/sign-in-delay): while the pair is
 * refused the password is not even checked; the owner elsewhere is unaffected.
 */
export async function signIn(ctx: RequestContext, input: { email: string; password: string }, now = new Date()): Promise<AuthOutcome> {
  const address = clientAddress(ctx.headers);
  const wait = await signInRefusalSeconds(input.email, address, now);
  if (wait > 0) throw new RateLimited(wait);
  // Every try from an address is counted atomically before the password is checked (40 at once check at most the limit).
  const busy = await reserveAddressSignIn(address, { max: SIGN_IN_LIMIT.max, windowSeconds: SIGN_IN_LIMIT.window }, now);
  if (busy > 0) throw new RateLimited(busy);
  const res = await call(ctx, "/sign-in/email", { ...input, rememberMe: true });
  if (res.status === 401) await recordSignInFailure(input.email, address, now);
  if (!res.ok) await failure(res);
  await clearSignInFailures(input.email, address);
  const body = (await res.json()) as { user: { id: string; name: string; email: string; role?: unknown } };
  return { setCookies: sessionCookies(res), viewer: toViewer(body.user) };
}

export async function signOut(ctx: RequestContext): Promise<AuthOutcome> {
  forgetCachedViewer(ctx.headers);
  const res = await call(ctx, "/sign-out", {});
  return { setCookies: res.headers.getSetCookie() };
}

/** Changes the password and signs out every other session. */
export async function changePassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string }): Promise<AuthOutcome> {
  refuseWeakPassword(input.newPassword, "newPassword", []);
  const res = await call(ctx, "/change-password", { ...input, revokeOtherSessions: true });
  if (!res.ok) await failure(res);
  // The other sessions are revoked: none of this user's may be answered from this process's cache.
  const me = viewerCache.get(sessionKey(ctx.headers) ?? "");
  if (me) for (const [k, v] of viewerCache) if (v.viewer.id === me.viewer.id) viewerCache.delete(k);
  return { setCookies: sessionCookies(res) };
}

/**
 * How long a checked session is believed without asking the database again
 * (`FACTDECK_SESSION_CACHE_SECONDS`, default 30; 0 turns the cache off). The
 * cost of the speed: a session revoked elsewhere — signed out on another app
 * server, revoked by a password change made through another server, deleted
 * in the database — is still accepted by a server that checked it within the
 * last 30 s, for at most those 30 s. Signing out and changing the password
 * through this process take effect at once here. The absolute lifetime and the
 * idle expiry are checked on every request against the cached session times.
 * Like better-auth's `session.cookieCache` (same staleness), but it also spares
 * the read on page renders, which cannot set the refreshed cache cookie.
 */
export function sessionCacheSeconds(): number {
  return envInt("FACTDECK_SESSION_CACHE_SECONDS", 30, 0);
}

type CachedViewer = { viewer: Viewer; createdAt: Date; expiresAt: Date; checkedAt: number; auth: unknown };
const MAX_CACHED = 20_000;
const viewerCache = new Map<string, CachedViewer>();

/** The cache key: the whole signed session cookie as sent (a forged or altered value is never a key). */
function sessionKey(headers: Headers): string | null {
  const name = sessionCookieName();
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

function forgetCachedViewer(headers: Headers) {
  const key = sessionKey(headers);
  if (key) viewerCache.delete(key);
}

/**
 * Who is asking, from the request's session cookie; null when there is no
 * valid session (missing, forged or revoked cookie; idle too long; older than
 * the absolute lifetime). A session checked within `sessionCacheSeconds` is
 * answered from memory (see there for what that costs).
 */
export async function getViewer(headers: Headers, now = new Date()): Promise<Viewer | null> {
  if (!headers.get("cookie")) return null;
  const key = sessionKey(headers);
  const ttlMs = sessionCacheSeconds() * 1000;
  const auth = getAuth();
  const hit = key ? viewerCache.get(key) : undefined;
  if (hit && hit.auth === auth && now.getTime() - hit.checkedAt < ttlMs && now.getTime() >= hit.checkedAt) {
    if (hit.expiresAt > now && !pastAbsoluteLifetime(hit.createdAt, now, sessionLifetime())) return hit.viewer;
    viewerCache.delete(key!);
    return null;
  }
  try {
    const session = await auth.api.getSession({ headers });
    if (!session || pastAbsoluteLifetime(new Date(session.session.createdAt), now, sessionLifetime())) {
      if (key) viewerCache.delete(key);
      return null;
    }
    const viewer = toViewer(session.user as { id: string; name: string; email: string; role?: unknown });
    if (key && ttlMs > 0) {
      if (viewerCache.size >= MAX_CACHED) viewerCache.delete(viewerCache.keys().next().value!);
      viewerCache.delete(key);
      viewerCache.set(key, { viewer, createdAt: new Date(session.session.createdAt), expiresAt: new Date(session.session.expiresAt), checkedAt: now.getTime(), auth });
    }
    return viewer;
  } catch {
    return null;
  }
}
