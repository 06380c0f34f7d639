import { describe, expect, it } from "vitest";
import { actionEnvelopeProblem, usedArgumentCount } from "@/lib/security/action-envelope";
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
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }))["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: false, https: false }))["style-src"]).toEqual(["'self'", "'nonce-n'"]);
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
  const tail = "0".repeat(40);
  // The first byte of an action id: bits 6…1 say which of the first six parameters the action reads.
  const both = `60${tail}`; // (prevState, form), as every form action here
  const formOnly = `40${tail}`; // (form)
  const none = `00${tail}`; // signOut()
  const j = (v: unknown) => JSON.stringify(v);

  it("reads the used parameters from the action id", () => {
    expect([both, formOnly, none, `20${tail}`, `61${tail}`, "abc"].map(usedArgumentCount)).toEqual([2, 1, 0, 2, null, null]);
  });

  it("accepts the calls Next's client makes", () => {
    expect(actionEnvelopeProblem(both, mp, j([{}, "$K1"]))).toBeNull();
    expect(actionEnvelopeProblem(both, mp, j(["$undefined", "$K1a"]))).toBeNull();
    expect(actionEnvelopeProblem(both, mp, j([null, "$K2"]))).toBeNull();
    expect(actionEnvelopeProblem(formOnly, mp, j(["$K1"]))).toBeNull();
    expect(actionEnvelopeProblem(none, "text/plain;charset=UTF-8", "[]")).toBeNull();
    expect(actionEnvelopeProblem(none, mp, "[]")).toBeNull();
  });

  it("names what is wrong with every other shape", () => {
    // Regression: a call without the form reached `form.get` on a non-FormData and answered 500.
    expect(actionEnvelopeProblem(both, mp, j([{}, {}]))).toMatch(/without its form/);
    expect(actionEnvelopeProblem(both, "text/plain;charset=UTF-8", j([{}, "$K1"]))).toMatch(/without its form/);
    expect(actionEnvelopeProblem(both, mp, j([{}]))).toMatch(/number of arguments/);
    expect(actionEnvelopeProblem(both, mp, j([]))).toMatch(/number of arguments/);
    expect(actionEnvelopeProblem(both, mp, j([{}, "$K1", "$K2"]))).toMatch(/number of arguments/);
    expect(actionEnvelopeProblem(none, mp, j(["$K1"]))).toMatch(/number of arguments/);
    expect(actionEnvelopeProblem(both, mp, j({ 0: "$K1" }))).toMatch(/not valid/);
    expect(actionEnvelopeProblem(both, mp, "[{},")).toMatch(/not valid/);
    expect(actionEnvelopeProblem(both, mp, null)).toMatch(/needs its arguments/);
    expect(actionEnvelopeProblem(both, mp, j([{}, "$K"]))).toMatch(/without its form/);
  });

  it("leaves ids Next cannot have made to Next (it answers them as unknown actions)", () => {
    expect(actionEnvelopeProblem("not-an-id", null, null)).toBeNull();
  });
});
