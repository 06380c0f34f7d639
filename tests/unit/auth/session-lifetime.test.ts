import { describe, expect, it } from "vitest";
import { pastAbsoluteLifetime, sessionLifetime, withCookieMaxAge } from "@/lib/auth/session-lifetime";
import { weakPasswordMessage } from "@/lib/auth/common-password";

describe("session lifetime", () => {
  it("defaults to 7 idle days within 30 absolute days, and reads the environment", () => {
    expect(sessionLifetime({})).toEqual({ idleSeconds: 7 * 86_400, absoluteSeconds: 30 * 86_400, updateAgeSeconds: 86_400 });
    expect(sessionLifetime({ FACTDECK_SESSION_IDLE_HOURS: "2", FACTDECK_SESSION_MAX_DAYS: "1" })).toEqual({ idleSeconds: 7200, absoluteSeconds: 86_400, updateAgeSeconds: 1028 });
    // Idle never exceeds absolute; nonsense falls back to the defaults.
    expect(sessionLifetime({ FACTDECK_SESSION_IDLE_HOURS: "1000", FACTDECK_SESSION_MAX_DAYS: "1" }).idleSeconds).toBe(86_400);
    expect(sessionLifetime({ FACTDECK_SESSION_IDLE_HOURS: "-3", FACTDECK_SESSION_MAX_DAYS: "soon" })).toEqual(sessionLifetime({}));
  });

  it("ends a session at its absolute lifetime", () => {
    const life = sessionLifetime({});
    const made = new Date(Date.UTC(2026, 0, 1));
    expect(pastAbsoluteLifetime(made, new Date(made.getTime() + life.absoluteSeconds * 1000 - 1), life)).toBe(false);
    expect(pastAbsoluteLifetime(made, new Date(made.getTime() + life.absoluteSeconds * 1000), life)).toBe(true);
  });

  it("keeps the session cookie for the absolute lifetime, and leaves other and expiring cookies alone", () => {
    const name = "better-auth.session_token";
    expect(withCookieMaxAge(`${name}=abc.sig; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax`, name, 2_592_000)).toBe(`${name}=abc.sig; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`);
    expect(withCookieMaxAge(`${name}=; Max-Age=0; Path=/`, name, 99)).toBe(`${name}=; Max-Age=0; Path=/`);
    expect(withCookieMaxAge("other=1; Max-Age=5", name, 99)).toBe("other=1; Max-Age=5");
  });
});

describe("weakPasswordMessage", () => {
  it("refuses common passwords, repeats, sequences and the user's own name with a clear message", () => {
    // Regression: `aaaaaaaaaa` and `password12` were accepted.
    expect(weakPasswordMessage("aaaaaaaaaa")).toMatch(/repeats characters/);
    expect(weakPasswordMessage("password12")).toMatch(/lists of common passwords/);
    expect(weakPasswordMessage("1234567890")).toMatch(/^This password/);
    expect(weakPasswordMessage("qwertyuiop")).toMatch(/^This password/);
    expect(weakPasswordMessage("lusinelusine", ["Lusine Petrosyan"])).toMatch(/^This password/);
  });

  it("accepts passphrases", () => {
    for (const p of ["a long enough passphrase", "correct horse battery", "Tr0ub4dour&3x-sunrise"]) expect(weakPasswordMessage(p), p).toBeNull();
  });
});
