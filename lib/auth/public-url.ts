/**
 * The site's public URL: `BETTER_AUTH_URL` in production (https there makes
 * cookies Secure and `__Host-`, and turns on HSTS), `http://localhost:<PORT>`
 * on a laptop. No imports, so the proxy can read it without loading the
 * database or better-auth.
 */
export function authBaseURL(env: Record<string, string | undefined> = process.env): string {
  return (env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, "");
}

/** Whether the site is served over https (per its public URL). */
export function servedOverHttps(env: Record<string, string | undefined> = process.env): boolean {
  return authBaseURL(env).startsWith("https://");
}
