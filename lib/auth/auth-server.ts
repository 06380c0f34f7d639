import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getDb, getDbProvider } from "../db";
import { authSecret } from "./secret";
import { MAX_PASSWORD, MIN_PASSWORD } from "./forms";
import { authBaseURL } from "./public-url";

export { authBaseURL };

/**
 * Sign-in attempts allowed per client address per window (seconds).
 * `FACTDECK_SIGN_IN_MAX` raises the count where many people share one address
 * (a school behind one NAT; the end-to-end suite on 127.0.0.1).
 */
export const SIGN_IN_LIMIT = { window: 60, max: Number(process.env.FACTDECK_SIGN_IN_MAX ?? 5) } as const;
/** Sign-ups per client address per minute; `FACTDECK_SIGN_UP_MAX` raises it (a whole class signing up behind one NAT). */
export const SIGN_UP_LIMIT = { window: 60, max: Number(process.env.FACTDECK_SIGN_UP_MAX ?? 10) } as const;

function makeAuth() {
  const baseURL = authBaseURL();
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
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": SIGN_IN_LIMIT, "/sign-up/email": SIGN_UP_LIMIT, "/change-password": { window: 60, max: 5 } },
    },
    advanced: {
      // httpOnly + SameSite=Lax always; Secure whenever the site is served over https.
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for", "x-real-ip"] },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof makeAuth>;

const g = globalThis as unknown as { factdeckAuth?: { url: string | undefined; auth: Auth } };

/** The process-wide better-auth instance, bound to the current database. */
export function getAuth(): Auth {
  const url = process.env.DATABASE_URL;
  if (!g.factdeckAuth || g.factdeckAuth.url !== url) g.factdeckAuth = { url, auth: makeAuth() };
  return g.factdeckAuth.auth;
}
