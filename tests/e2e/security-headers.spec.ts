/**
 * Every page of the app, in both projects, as a guest and signed in: the
 * response carries the security headers and a CSP with a fresh nonce, and
 * the page runs under it — no CSP violation and no console error (a blocked
 * script shows as both), and Next's inline scripts did run. A page route
 * without an entry here fails the test, so new pages get checked.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { listRoutes } from "./server-actions";

type Visit = { pattern: string; url: string; as: "guest" | "teacher"; status?: number };

const GUEST: Visit[] = [
  { pattern: "/", url: "/", as: "guest" },
  { pattern: "/sources", url: "/sources", as: "guest" },
  { pattern: "/sources/[slug]", url: "/sources/tass-2023-09-20-putin-pashinyan-call", as: "guest" },
  { pattern: "/facts", url: "/facts", as: "guest" },
  { pattern: "/offline", url: "/offline", as: "guest" },
  { pattern: "/sign-in", url: "/sign-in?returnTo=%2Fjoin%3Fcode%3DABCD2345", as: "guest" },
  { pattern: "/sign-up", url: "/sign-up", as: "guest" },
  { pattern: "/_not-found", url: "/no-such-page", as: "guest", status: 404 },
];
/**
 * Next's own error route, asked for directly, is a page Next prerenders at
 * build time (its <html> is Next's, without lang): it can carry no nonce, so
 * the CSP blocks its scripts and styles. Only its headers are checked. An
 * error while rendering a page is answered per request, with the nonce.
 */
const GLOBAL_ERROR: Visit = { pattern: "/_global-error", url: "/_global-error", as: "guest", status: 500 };
const SIGNED_IN: Visit[] = [
  "/dashboard",
  "/account",
  "/quizzes",
  "/progress",
  "/settings",
  "/decks/[deckId]=/decks/everything",
  "/review/[deckId]=/review/everything",
  "/join",
  "/join/[code]=/join/ABCD2345",
  "/teach",
  "/teach/classes/new",
  "/teach/classes/[classId]=/teach/classes/demo-class",
  "/teach/classes/[classId]/facts=/teach/classes/demo-class/facts",
  "/teach/classes/[classId]/assignments/new=/teach/classes/demo-class/assignments/new",
  "/teach/assignments/[assignmentId]=/teach/assignments/demo-review",
  "/teach/assignments/[assignmentId]/edit=/teach/assignments/demo-review/edit",
  "/teach/assignments/[assignmentId]/preview=/teach/assignments/demo-review/preview",
  "/teach/classes/[classId]/join=/teach/classes/demo-class/join",
  "/teach/classes/[classId]/item-reports=/teach/classes/demo-class/item-reports",
].map((s): Visit => {
  const [pattern, url = pattern] = s.split("=") as [string, string?];
  return { pattern, url, as: "teacher" as const };
});
// The demo class has no quiz attempt to open: the attempt view's not-found page carries the headers too.
SIGNED_IN.push({ pattern: "/teach/attempts/[attemptId]", url: "/teach/attempts/no-such-attempt", as: "teacher", status: 404 });
/** Reached by starting a quiz from the deck page. */
const QUIZ_PATTERN = "/quiz/[attemptId]";
/** Routes that are files, not pages (checked for their headers below): the manifest and the service worker. */
const FILES = [
  { pattern: "/manifest.webmanifest", url: "/manifest.webmanifest", type: "application/manifest+json" },
  { pattern: "/serwist/[path]", url: "/serwist/sw.js", type: "application/javascript" },
];

function expectSecurityHeaders(response: { headers(): Record<string, string> }, where: string): string {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, `${where}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'/);
  expect(csp, `${where}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${where}: no inline scripts`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `${where}: no eval in production`).not.toContain("'unsafe-eval'");
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["x-frame-options"], where).toBe("DENY");
  expect(h["referrer-policy"], where).toBe("same-origin");
  expect(h["permissions-policy"], where).toContain("camera=()");
  // The suite runs over plain http: no HSTS.
  expect(h["strict-transport-security"], where).toBeUndefined();
  return /'nonce-([^']+)'/.exec(csp)![1]!;
}

/** Collects console errors, uncaught errors and CSP violations of a page, across its navigations. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction("__reportCspViolation", (v: string) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return problems;
}

async function visit(page: Page, problems: string[], v: Visit, nonces: Set<string>) {
  const response = await page.goto(v.url);
  expect(response, v.url).not.toBeNull();
  expect(response!.status(), v.url).toBe(v.status ?? 200);
  nonces.add(expectSecurityHeaders(response!, v.url));
  await page.waitForLoadState("networkidle");
  // Next's inline flight scripts ran (a CSP that blocked them would leave no `__next_f`).
  expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f)), `${v.url}: inline scripts ran`).toBe(true);
  // An error page's own status shows as a "Failed to load resource" console line; nothing else may.
  const relevant = problems.splice(0).filter((p) => !(v.status && p.startsWith("console: Failed to load resource") && p.includes(String(v.status))));
  expect(relevant, `${v.url}: console errors and CSP violations`).toEqual([]);
}

test("every page carries the security headers and runs under its nonce CSP without violations", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const pages = listRoutes().filter((r) => !r.startsWith("/api/") && !FILES.some((f) => f.pattern === r));
  const covered = new Set([...GUEST, ...SIGNED_IN, GLOBAL_ERROR].map((v) => v.pattern).concat(QUIZ_PATTERN));
  expect(pages.filter((p) => !covered.has(p)), "pages without an entry here").toEqual([]);

  const problems = await watch(page);
  const nonces = new Set<string>();
  for (const v of GUEST) await visit(page, problems, v, nonces);
  const direct = await page.request.get(GLOBAL_ERROR.url);
  expect(direct.status()).toBe(GLOBAL_ERROR.status);
  nonces.add(expectSecurityHeaders(direct, GLOBAL_ERROR.url));

  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill("teacher@factdeck.test");
  await page.getByLabel("Password").fill("factdeck-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/teach$/); // a teacher lands on their teaching dashboard
  problems.splice(0);
  for (const v of SIGNED_IN) await visit(page, problems, v, nonces);

  // A quiz started through its form (a server action under the CSP), then its page loaded afresh.
  await page.goto("/decks/war-2020");
  const form = page.getByTestId("start-quiz-form");
  await form.getByLabel("Number of questions").fill("3");
  await form.getByRole("button", { name: "Start the quiz" }).click();
  await page.waitForURL(/\/quiz\/[A-Za-z0-9-]+$/);
  await visit(page, problems, { pattern: QUIZ_PATTERN, url: new URL(page.url()).pathname, as: "teacher" }, nonces);

  expect(nonces.size, "a fresh nonce per response").toBe(GUEST.length + SIGNED_IN.length + 2);
  testInfo.annotations.push({ type: "pages", description: String(nonces.size) });
});

test("route handlers and static files carry the headers too", async ({ page, baseURL }) => {
  const health = await page.request.get("/api/health");
  expectSecurityHeaders(health, "/api/health");
  const html = await (await page.request.get("/")).text();
  const chunk = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(chunk, "a script chunk on the home page").toBeTruthy();
  const res = await page.request.get(new URL(chunk!, baseURL).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  for (const f of FILES) {
    const file = await page.request.get(f.url);
    expect(file.status(), f.url).toBe(200);
    expect(file.headers()["content-type"], f.url).toContain(f.type);
    expectSecurityHeaders(file, f.url);
  }
});

test("no page can be framed by another site", async ({ page, baseURL }) => {
  // localhost and 127.0.0.1 are two origins on the same server: the framing page is another site.
  const other = new URL(baseURL!);
  other.hostname = "localhost";
  await page.goto(new URL("/sources", other).toString());
  await page.setContent(`<iframe title="framed" src="${new URL("/teach/classes/demo-class", baseURL).toString()}"></iframe><iframe title="framed sign-in" src="${new URL("/sign-in", baseURL).toString()}"></iframe>`);
  await page.waitForTimeout(1500);
  // A refused frame shows the browser's error page, never the app's.
  for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
    expect(await frame.locator("form, main").count().catch(() => 0), frame.url()).toBe(0);
  }
});
