/**
 * Crafted server-action calls against the running server, for every action
 * in the build: a call from another site is refused with 403, a call that
 * does not have the app's envelope (no form, wrong encoding, broken JSON)
 * with 400 — never a 500, and never reaching the action (Next answered both
 * with 500 before). HTTP only, so one project runs it.
 */
import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { usedArgumentCount } from "../../lib/security/action-envelope";
import { callAction, listServerActions } from "./server-actions";

type Case = [label: string, response: Promise<APIResponse>, status: number];

const root = (args: unknown) => {
  const form = new FormData();
  form.append("0", typeof args === "string" ? args : JSON.stringify(args));
  return form;
};

test("every server action refuses cross-site calls with 403 and malformed ones with 400 @desktop-only", async ({ request, baseURL }) => {
  const actions = listServerActions();
  expect(actions.length).toBeGreaterThan(10);
  for (const action of actions) {
    const post = (init: { origin?: string | null; multipart?: FormData; data?: string; contentType?: string }) =>
      request.post("/", {
        headers: {
          "Next-Action": action.id,
          ...(init.origin === null ? {} : { Origin: init.origin ?? baseURL! }),
          ...(init.contentType ? { "Content-Type": init.contentType } : {}),
        },
        multipart: init.multipart,
        data: init.data,
        maxRedirects: 0,
      });
    const cases: Case[] = [
      ["another site", post({ origin: "http://evil.example", multipart: root([{}, "$K1"]) }), 403],
      ["Origin null", post({ origin: "null", multipart: root([{}, "$K1"]) }), 403],
      ["no Origin", post({ origin: null, multipart: root([{}, "$K1"]) }), 403],
      ["no form argument", post({ multipart: root([{}]) }), 400],
      // An action that reads no arguments (sign-out) is called with none; the others need their form.
      ...(usedArgumentCount(action.id) === 0 ? [] : [["no arguments", post({ multipart: root([]) }), 400] as Case]),
      ["broken JSON", post({ multipart: root("[{},") }), 400],
      ["arguments as an object", post({ multipart: root({ a: 1 }) }), 400],
      ["plain text body", post({ data: "[{}]", contentType: "text/plain;charset=UTF-8" }), 400],
      ["url-encoded body", post({ data: "a=1", contentType: "application/x-www-form-urlencoded" }), 400],
      ["broken multipart", post({ data: "--x\r\nnonsense", contentType: "multipart/form-data; boundary=y" }), 400],
    ];
    for (const [label, pending, want] of cases) {
      const res = await pending;
      expect(res.status(), `${action.name}: ${label}`).toBe(want);
      expect(((await res.json()) as { error?: string }).error, `${action.name}: ${label} says why`).toBeTruthy();
    }
    // The well-formed call still reaches the action (which answers for itself, never 5xx).
    const ok = await callAction(request, baseURL!, action, {});
    expect(ok.status, `${action.name}: well-formed`).toBeLessThan(500);
  }
});

test("a return path with characters a header cannot carry is encoded, and sign-up completes @desktop-only", async ({ request, baseURL }, testInfo) => {
  // Regression: "Ա" (U+0531) in returnTo answered 500 after the account was made and the cookie set.
  const signUp = listServerActions().find((a) => a.name === "signUpAction")!;
  const email = `returnto.${testInfo.project.name}.${Date.now()}@example.org`;
  const res = await callAction(
    request,
    baseURL!,
    signUp,
    { name: "Anahit", email, password: "a long enough passphrase", role: "student", returnTo: "/sources?q=Աբ#Կ" },
    "/sign-up",
  );
  expect(res.status).toBeLessThan(400);
  expect(res.redirect).toMatch(/^\/sources\?q=%D4%B1%D5%A2#%D4%BF(;|$)/);
  // The account exists and its session works: the dashboard answers instead of sending to sign-in.
  expect((await request.get("/dashboard", { maxRedirects: 0 })).status(), "signed in").toBe(200);
});
