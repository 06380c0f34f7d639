import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword, getViewer, sessionCacheSeconds, signIn, signOut, signUp, type RequestContext } from "../../lib/auth/session";
import { recordSignInFailure, signInRefusalSeconds } from "../../lib/data/sign-in-failures";
import { SIGN_IN_DELAY } from "../../lib/auth/sign-in-delay";
import { SIGN_IN_LIMIT } from "../../lib/auth/auth-server";
import { Invalid, RateLimited, Unauthorized } from "../../lib/errors";
import { availableProviders, testDb, type TestDb } from "./helpers/test-db";

/** The cookie header a browser would send after these Set-Cookie headers. */
function cookieHeader(setCookies: string[]): string {
  return setCookies.map((c) => c.split(";")[0]).filter((p) => p && !p.endsWith("=")).join("; ");
}
const ctx = (cookie?: string, ip = "203.0.113.7"): RequestContext => ({
  headers: new Headers({ ...(cookie ? { cookie } : {}), "x-forwarded-for": ip, "user-agent": "vitest" }),
});
const password = "correct horse battery";

describe.each(availableProviders())("accounts on %s", (provider) => {
  let t: TestDb;
  const saved = process.env.DATABASE_URL;
  beforeAll(async () => {
    t = await testDb(provider);
    process.env.DATABASE_URL = t.target.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = saved;
    await t.close();
  });

  it("signs up with a role, sets an httpOnly SameSite=Lax session cookie, and knows the viewer", async () => {
    const out = await signUp(ctx(), { name: "Ana <b>Teacher</b>", email: "ana@example.org", password, role: "teacher" });
    expect(out.viewer).toMatchObject({ email: "ana@example.org", role: "teacher", name: "Ana <b>Teacher</b>" });
    const session = out.setCookies.find((c) => c.includes("session_token"));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i); // http://localhost: not Secure; https base URLs are.
    const viewer = await getViewer(ctx(cookieHeader(out.setCookies)).headers);
    expect(viewer).toEqual({ id: out.viewer!.id, name: "Ana <b>Teacher</b>", email: "ana@example.org", role: "teacher" });
    const row = await t.db.user.findUnique({ where: { email: "ana@example.org" }, select: { role: true } });
    expect(row?.role).toBe("teacher");
  });

  it("refuses a duplicate e-mail with a field error and creates nothing", async () => {
    await signUp(ctx(), { name: "First", email: "dup@example.org", password, role: "student" });
    const users = await t.db.user.count();
    const accounts = await t.db.account.count();
    await expect(signUp(ctx(), { name: "Second", email: "dup@example.org", password, role: "teacher" })).rejects.toSatisfy(
      (e) => e instanceof Invalid && Boolean(e.fieldErrors.email),
    );
    expect(await t.db.user.count()).toBe(users);
    expect(await t.db.account.count()).toBe(accounts);
  });

  it("signs in with the right password only, and signs out for good", async () => {
    await signUp(ctx(), { name: "Bo", email: "bo@example.org", password, role: "student" });
    await expect(signIn(ctx(undefined, "198.51.100.1"), { email: "bo@example.org", password: "wrong password!!" })).rejects.toBeInstanceOf(Unauthorized);
    const inOut = await signIn(ctx(undefined, "198.51.100.1"), { email: "bo@example.org", password });
    const cookie = cookieHeader(inOut.setCookies);
    expect((await getViewer(ctx(cookie).headers))?.email).toBe("bo@example.org");
    await signOut(ctx(cookie));
    expect(await getViewer(ctx(cookie).headers)).toBeNull();
  });

  it("believes a checked session for at most FACTDECK_SESSION_CACHE_SECONDS (30 s) after it is revoked elsewhere", async () => {
    expect(sessionCacheSeconds()).toBe(30);
    const out = await signUp(ctx(undefined, "198.51.100.77"), { name: "Ab", email: "ab@example.org", password, role: "student" });
    const cookie = cookieHeader(out.setCookies);
    const t0 = new Date();
    expect((await getViewer(ctx(cookie).headers, t0))?.email).toBe("ab@example.org");
    // Revoked in the database (another server signed it out): this process still believes its check of t0 …
    await t.db.session.deleteMany({ where: { user: { email: "ab@example.org" } } });
    expect((await getViewer(ctx(cookie).headers, new Date(t0.getTime() + 29_000)))?.email).toBe("ab@example.org");
    // … for 30 s at most, then asks the database again.
    expect(await getViewer(ctx(cookie).headers, new Date(t0.getTime() + 30_000))).toBeNull();
    expect(await getViewer(ctx(cookie).headers, t0)).toBeNull();
  });

  it("treats forged and expired cookies as signed out", async () => {
    const out = await signUp(ctx(), { name: "Cy", email: "cy@example.org", password, role: "student" });
    const cookie = cookieHeader(out.setCookies);
    const forged = cookie.replace(/session_token=([^;.]+)/, "session_token=AAAA$1");
    expect(await getViewer(ctx(forged).headers)).toBeNull();
    expect(await getViewer(ctx("better-auth.session_token=made-up.signature").headers)).toBeNull();
    await t.db.session.updateMany({ where: { user: { email: "cy@example.org" } }, data: { expiresAt: new Date(Date.UTC(2020, 0, 1)) } });
    expect(await getViewer(ctx(cookie).headers)).toBeNull();
  });

  it("limits sign-in attempts per address and says when to try again", async () => {
    await signUp(ctx(), { name: "Di", email: "di@example.org", password, role: "student" });
    const ip = "192.0.2.99";
    for (let i = 0; i < SIGN_IN_LIMIT.max; i++) {
      await expect(signIn(ctx(undefined, ip), { email: "di@example.org", password: "not the password" })).rejects.toBeInstanceOf(Unauthorized);
    }
    const err = await signIn(ctx(undefined, ip), { email: "di@example.org", password }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimited);
    expect((err as RateLimited).retryAfterSeconds).toBeGreaterThan(0);
    expect((err as RateLimited).retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMIT.window);
    expect((err as RateLimited).message).toMatch(/Too many attempts\. Try again in \d+ s\./);
    // Another address is not affected.
    await expect(signIn(ctx(undefined, "192.0.2.100"), { email: "di@example.org", password })).resolves.toBeTruthy();
  });

  it("wrong passwords from many addresses never lock the owner out; each (account, address) pair is slowed on its own", async () => {
    await signUp(ctx(), { name: "Flo", email: "flo@example.org", password, role: "student" });
    // Regression: 10 wrong passwords from anywhere used to refuse the owner's right password for 15 minutes.
    for (let i = 0; i < 12; i++) {
      await expect(signIn(ctx(undefined, `198.18.0.${i + 1}`), { email: "flo@example.org", password: "not the password" })).rejects.toBeInstanceOf(Unauthorized);
    }
    await expect(signIn(ctx(undefined, "198.18.1.1"), { email: "FLO@example.org", password })).resolves.toBeTruthy();

    // One address that keeps guessing is refused (without a password check) once its free failures are spent…
    const guesser = "198.18.2.1";
    for (let i = 0; i < SIGN_IN_DELAY.freeFailures; i++) {
      await expect(signIn(ctx(undefined, guesser), { email: "flo@example.org", password: "not the password" })).rejects.toBeInstanceOf(Unauthorized);
    }
    const err = await signIn(ctx(undefined, guesser), { email: "flo@example.org", password }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimited);
    expect((err as RateLimited).retryAfterSeconds).toBeGreaterThan(SIGN_IN_DELAY.baseSeconds - 2);
    expect((err as RateLimited).retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_DELAY.baseSeconds);
    // …while the owner, from another address, still signs in at once.
    await expect(signIn(ctx(undefined, "198.18.2.2"), { email: "flo@example.org", password })).resolves.toBeTruthy();
  });

  it("doubles the pair's refusal window with each further wrong password and forgets it after a quiet day", async () => {
    const t0 = Date.UTC(2026, 0, 5, 12);
    const email = "pair@example.org";
    const address = "192.0.2.50";
    for (let i = 0; i < SIGN_IN_DELAY.freeFailures; i++) await recordSignInFailure(email, address, new Date(t0), t.db);
    expect(await signInRefusalSeconds(email, address, new Date(t0), t.db)).toBe(SIGN_IN_DELAY.baseSeconds);
    expect(await signInRefusalSeconds(email, "192.0.2.51", new Date(t0), t.db)).toBe(0);
    expect(await signInRefusalSeconds("other@example.org", address, new Date(t0), t.db)).toBe(0);
    const t1 = t0 + SIGN_IN_DELAY.baseSeconds * 1000;
    expect(await signInRefusalSeconds(email, address, new Date(t1), t.db)).toBe(0);
    await recordSignInFailure(email, address, new Date(t1), t.db);
    expect(await signInRefusalSeconds(email, address, new Date(t1), t.db)).toBe(2 * SIGN_IN_DELAY.baseSeconds);
    const quiet = t1 + SIGN_IN_DELAY.forgetAfterSeconds * 1000;
    await recordSignInFailure(email, address, new Date(quiet), t.db);
    expect(await signInRefusalSeconds(email, address, new Date(quiet), t.db)).toBe(0);
  });

  it("counts concurrent first wrong passwords of a new pair, each once, without failing", async () => {
    const now = new Date(Date.UTC(2026, 0, 6, 12));
    await Promise.all(Array.from({ length: 20 }, () => recordSignInFailure("race@example.org", "192.0.2.60", now, t.db)));
    const rows = await t.db.rateLimit.findMany({ where: { key: { startsWith: "sign-in-pair:" } }, select: { key: true, count: true } });
    expect(rows.map((r) => r.count)).toContain(20);
  });

  it("refuses common and repetitive passwords with a clear message before creating anything", async () => {
    const users = await t.db.user.count();
    for (const [i, weak] of ["aaaaaaaaaa", "password12"].entries()) {
      const err = await signUp(ctx(), { name: "Weak", email: `weak${i}@example.org`, password: weak, role: "student" }).catch((e: unknown) => e);
      expect(err, weak).toBeInstanceOf(Invalid);
      expect((err as Invalid).fieldErrors.password, weak).toMatch(/^This password (is on lists of common passwords|repeats characters)/);
    }
    expect(await t.db.user.count()).toBe(users);
  });

  it("ends a session at its absolute lifetime however recently it was used, and keeps the cookie that long", async () => {
    const out = await signUp(ctx(), { name: "Gus", email: "gus@example.org", password, role: "student" });
    const session = out.setCookies.find((c) => c.startsWith("better-auth.session_token="))!;
    expect(session).toMatch(new RegExp(`Max-Age=${30 * 86_400}(;|$)`));
    const cookie = cookieHeader(out.setCookies);
    expect(await getViewer(ctx(cookie).headers)).not.toBeNull();
    const almost = new Date(Date.now() + 30 * 86_400_000 - 60_000);
    expect(await getViewer(ctx(cookie).headers, almost)).not.toBeNull();
    expect(await getViewer(ctx(cookie).headers, new Date(Date.now() + 30 * 86_400_000))).toBeNull();
  });

  it("names the cookie __Host- and makes it Secure when the public URL is https", async () => {
    const savedUrl = process.env.BETTER_AUTH_URL;
    process.env.BETTER_AUTH_URL = "https://factdeck.example.org";
    try {
      const out = await signUp(ctx(), { name: "Hal", email: "hal@example.org", password, role: "student" });
      const session = out.setCookies.find((c) => c.includes("session_token"))!;
      expect(session).toMatch(/^__Host-factdeck\.session_token=/);
      expect(session).toMatch(/; Secure(;|$)/i);
      expect(session).toMatch(/; Path=\/(;|$)/i);
      expect(session).not.toMatch(/Domain=/i);
      expect((await getViewer(ctx(cookieHeader(out.setCookies)).headers))?.email).toBe("hal@example.org");
      // The plain-http name is not read over https.
      expect(await getViewer(ctx(cookieHeader(out.setCookies).replace("__Host-factdeck.", "better-auth.")).headers)).toBeNull();
    } finally {
      if (savedUrl === undefined) delete process.env.BETTER_AUTH_URL;
      else process.env.BETTER_AUTH_URL = savedUrl;
    }
  });

  it("changes the password only with the current one", async () => {
    const out = await signUp(ctx(), { name: "Ed", email: "ed@example.org", password, role: "student" });
    const cookie = cookieHeader(out.setCookies);
    await expect(changePassword(ctx(cookie), { currentPassword: "not it at all", newPassword: "a brand new passphrase" })).rejects.toSatisfy(
      (e) => e instanceof Invalid && Boolean(e.fieldErrors.currentPassword),
    );
    await expect(changePassword(ctx(cookie), { currentPassword: password, newPassword: "password12" })).rejects.toSatisfy(
      (e) => e instanceof Invalid && /common passwords/.test(e.fieldErrors.newPassword ?? ""),
    );
    await changePassword(ctx(cookie), { currentPassword: password, newPassword: "a brand new passphrase" });
    await expect(signIn(ctx(undefined, "198.51.100.9"), { email: "ed@example.org", password })).rejects.toBeInstanceOf(Unauthorized);
    await expect(signIn(ctx(undefined, "198.51.100.9"), { email: "ed@example.org", password: "a brand new passphrase" })).resolves.toBeTruthy();
  });
});
