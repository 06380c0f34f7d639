import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getDb, getDbProvider } from "../db";
import { authSecret } from "./secret";
import { MAX_PASSWORD, MIN_PASSWORD } from "./form-limits";
import { authBaseURL } from "./public-url";
import { sessionLifetime } from "./session-lifetime";
import { envInt } from "../env-int";

export { authBaseURL };

/**
 * Sign-in attempts allowed per client address per window (seconds).
 * `FACTDECK_SIGN_IN_MAX` raises the count where many people share one address
 * (a school behind one NAT; the end-to-end suite on 127.0.0.1).
 */
export const SIGN_IN_LIMIT = { window: 60, max: envInt("FACTDECK_SIGN_IN_MAX", 5, 1) } as const;
/** Sign-ups per client address per minute; `FACTDECK_SIGN_UP_MAX` raises it (a whole class signing up behind one NAT). */
export const SIGN_UP_LIMIT = { window: 60, max: envInt("FACTDECK_SIGN_UP_MAX", 10, 1) } as const;

/**
 * The session cookie's name prefix: over https `__Host-` (the browser then
 * insists on Secure, Path=/ and no Domain, so no subdomain or plain-http
 * page can set or overwrite it), else better-auth's default.
 */
export function cookiePrefix(baseURL = authBaseURL()): string {
  return baseURL.startsWith("https://") ? "__Host-factdeck" : "better-auth";
}

/** The session cookie's full name. */
export const sessionCookieName = (baseURL = authBaseURL()) => `${cookiePrefix(baseURL)}.session_token`;

function makeAuth() {
  const baseURL = authBaseURL();
  const https = baseURL.startsWith("https://");
  const lifetime = sessionLifetime();
  return betterAuth({
    appName: "Factdeck",
    secret: authSecret(),
    baseURL,
    basePath: "/api/auth",
    // The one place the Prisma client is handed to something outside lib/data.
    database: prismaAdapter(getDb(), { provider: getDbProvider() === "sqlite" ? "sqlite" : "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD, maxPasswordLength: MAX_PASSWORD, autoSignIn: true },
    user: {
      additionalFields: {
        // Chosen at sign-up through our own form (validated with zod before it gets here).
        role: { type: "string", required: false, defaultValue: "student", input: true },
      },
    },
    // Idle timeout by sliding expiry; the absolute lifetime is checked in getViewer (lib/auth/session).
    session: { expiresIn: lifetime.idleSeconds, updateAge: lifetime.updateAgeSeconds },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": SIGN_IN_LIMIT, "/sign-up/email": SIGN_UP_LIMIT, "/change-password": { window: 60, max: 5 } },
    },
    advanced: {
      // httpOnly + SameSite=Lax always; Secure and `__Host-` whenever the site is served over https.
      // better-auth's own switch would prefix `__Secure-` in front of any name, so we name the cookie ourselves.
      useSecureCookies: false,
      cookiePrefix: cookiePrefix(baseURL),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: https, path: "/" },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for", "x-real-ip"] },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof makeAuth>;

const g = globalThis as unknown as { factdeckAuth?: { key: string; auth: Auth } };

/** The process-wide better-auth instance, bound to the current database and public URL. */
export function getAuth(): Auth {
  // Rebuilt when what it was made from changes (tests switch databases and public URLs).
  const key = [process.env.DATABASE_URL, authBaseURL(), JSON.stringify(sessionLifetime())].join("\n");
  if (!g.factdeckAuth || g.factdeckAuth.key !== key) g.factdeckAuth = { key, auth: makeAuth() };
  return g.factdeckAuth.auth;
}
