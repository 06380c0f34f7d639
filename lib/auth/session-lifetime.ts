/**
 * How long a session lives. Idle: a session unused for this long is over
 * (better-auth's sliding expiry; each use moves it on, at most once per
 * `updateAgeSeconds`). Absolute: however busy, a session ends this long
 * after sign-in, so a stolen cookie does not last for ever.
 * `FACTDECK_SESSION_IDLE_HOURS` (default 168 = 7 days) and
 * `FACTDECK_SESSION_MAX_DAYS` (default 30) set them.
 */
export type SessionLifetime = { idleSeconds: number; absoluteSeconds: number; updateAgeSeconds: number };

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The lifetime from the environment (bad values fall back to the defaults). */
export function sessionLifetime(env: Record<string, string | undefined> = process.env): SessionLifetime {
  const absoluteSeconds = Math.round(positive(env.FACTDECK_SESSION_MAX_DAYS, 30) * 86_400);
  const idleSeconds = Math.min(absoluteSeconds, Math.round(positive(env.FACTDECK_SESSION_IDLE_HOURS, 168) * 3600));
  // Slide in steps of a seventh of the idle time (at most a day): few writes, and the idle limit stays within that step.
  const updateAgeSeconds = Math.max(60, Math.min(86_400, Math.floor(idleSeconds / 7)));
  return { idleSeconds, absoluteSeconds, updateAgeSeconds };
}

/** Whether a session made at `createdAt` is past its absolute lifetime at `now`. */
export function pastAbsoluteLifetime(createdAt: Date, now: Date, lifetime: SessionLifetime): boolean {
  return now.getTime() - createdAt.getTime() >= lifetime.absoluteSeconds * 1000;
}

/**
 * The session cookie's Set-Cookie with Max-Age set to the absolute lifetime.
 * better-auth gives the cookie the idle time as Max-Age when it is set, and
 * the sliding renewals happen in page renders that cannot set cookies, so the
 * browser would drop an active session after the idle time; the server
 * enforces both limits, the cookie only has to outlive them.
 */
export function withCookieMaxAge(setCookie: string, cookieName: string, maxAgeSeconds: number): string {
  if (!setCookie.startsWith(`${cookieName}=`)) return setCookie;
  const parts = setCookie.split(";").map((p) => p.trim());
  const current = parts.find((p) => /^max-age=/i.test(p));
  if (current && Number(current.slice(8)) <= 0) return setCookie; // an expiring cookie (sign-out) stays expired
  const rest = parts.filter((p) => !/^(max-age|expires)=/i.test(p));
  return [...rest, `Max-Age=${maxAgeSeconds}`].join("; ");
}
