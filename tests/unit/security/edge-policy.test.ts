import { describe, expect, it } from "vitest";
import { actionEnvelopeProblem } from "@/lib/security/action-envelope";
import { contentSecurityPolicy, makeNonce } from "@/lib/security/content-security-policy";
import { isSameOrigin } from "@/lib/security/request-origin";
import { securityHeaders } from "@/lib/security/security-headers";
import { servedOverHttps } from "@/lib/auth/public-url";

const directives = (csp: string) => Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe("content security policy", () => {
  it("lets scripts run only with the nonce, never inline, and forbids framing", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: false }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'none'"]);
    expect(JSON.stringify(d["script-src"])).not.toContain("unsafe");
    expect(d["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("adds 'unsafe-eval' only in development and upgrades requests only over https", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }))["script-src"]).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true }))["upgrade-insecure-requests"]).toEqual([]);
  });

  it("makes a fresh base64 nonce each time", () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(makeNonce()).not.toBe(a);
  });
});

describe("security headers", () => {
  it("sends HSTS only when the public URL is https", () => {
    const plain = Object.fromEntries(securityHeaders({ https: false }));
    expect(plain).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin" });
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(Object.fromEntries(securityHeaders({ https: true }))["Strict-Transport-Security"]).toMatch(/^max-age=\d{7,}/);
    expect(servedOverHttps({ BETTER_AUTH_URL: "https://factdeck.example.org/" })).toBe(true);
    expect(servedOverHttps({ BETTER_AUTH_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(servedOverHttps({})).toBe(false);
  });
});

describe("isSameOrigin", () => {
  const h = (o: Record<string, string>) => new Headers({ host: "factdeck.example.org", ...o });
  it("accepts this site's Origin and refuses others, 'null' and garbage", () => {
    expect(isSameOrigin(h({ origin: "https://factdeck.example.org" }), { requireOrigin: true })).toBe(true);
    expect(isSameOrigin(h({ origin: "http://internal:3000", host: "internal:3000" }), { requireOrigin: true })).toBe(true);
    expect(isSameOrigin(new Headers({ host: "10.0.0.5:3000", origin: "https://factdeck.example.org" }), { requireOrigin: true, publicHost: "factdeck.example.org" })).toBe(true);
    for (const origin of ["https://evil.example", "null", "not a url", "https://factdeck.example.org.evil.example"]) {
      expect(isSameOrigin(h({ origin }), { requireOrigin: false }), origin).toBe(false);
    }
  });
  it("refuses a missing Origin only where one is required (server actions)", () => {
    expect(isSameOrigin(h({}), { requireOrigin: true })).toBe(false);
    expect(isSameOrigin(h({}), { requireOrigin: false })).toBe(true);
  });
});

describe("actionEnvelopeProblem", () => {
  const mp = "multipart/form-data; boundary=x";
  it("accepts (prevState, form) and (form) calls", () => {
    expect(actionEnvelopeProblem(mp, JSON.stringify([{}, "$K1"]))).toBeNull();
    expect(actionEnvelopeProblem(mp, JSON.stringify(["$K1a"]))).toBeNull();
    expect(actionEnvelopeProblem(mp, JSON.stringify([{ formError: "x", values: { a: "$undefined" } }, "$K2"]))).toBeNull();
  });
  it("names what is wrong with every other shape", () => {
    // Regression: a call without the form reached `form.get` on a non-FormData and answered 500.
    expect(actionEnvelopeProblem(mp, JSON.stringify([{}]))).toMatch(/without its form/);
    expect(actionEnvelopeProblem(mp, JSON.stringify([]))).toMatch(/number of arguments/);
    expect(actionEnvelopeProblem(mp, JSON.stringify([{}, {}, "$K1"]))).toMatch(/number of arguments/);
    expect(actionEnvelopeProblem(mp, JSON.stringify({ 0: "$K1" }))).toMatch(/number of arguments/);
    expect(actionEnvelopeProblem(mp, "[{},")).toMatch(/not valid/);
    expect(actionEnvelopeProblem(mp, null)).toMatch(/part 0/);
    expect(actionEnvelopeProblem("text/plain;charset=UTF-8", "[]")).toMatch(/multipart/);
    expect(actionEnvelopeProblem(null, null)).toMatch(/multipart/);
    expect(actionEnvelopeProblem(mp, JSON.stringify([{}, "$K"]))).toMatch(/without its form/);
  });
});
