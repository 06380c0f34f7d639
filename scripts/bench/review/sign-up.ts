/** Students signed up and configured through the app's real forms, as a browser without JavaScript submits them. */
import { performance } from "node:perf_hooks";
import { decodeHtml } from "./decode-html";
import { COOKIE_NAME, NEW_PER_DAY, PASSWORD } from "./options";

/**
 * Posts a page's form (the one with the first of `fields`) as a browser without JavaScript does: its
 * hidden inputs (React's server action reference and key) plus `fields`,
 * multipart, to the page's own URL.
 */
async function submitForm(base: string, page: string, fields: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  const res = await fetch(base + page, { headers, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${page} answered ${res.status}`);
  // The form that has the first field (the header's sign-out button is a form too).
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(`name="${Object.keys(fields)[0]}"`));
  if (!form) throw new Error(`no form with a field ${Object.keys(fields)[0]} on ${page}`);
  const body = new FormData();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
    const name = decodeHtml(m[1]!);
    if (!(name in fields)) body.append(name, decodeHtml(m[2] ?? ""));
  }
  if (!body.has("$ACTION_KEY") && ![...body.keys()].some((k) => k.startsWith("$ACTION"))) throw new Error(`the form on ${page} has no server action`);
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return fetch(base + page, { method: "POST", body, redirect: "manual", headers: { origin: base, ...headers } });
}

export type Student = { email: string; cookie: string; ip: string };

export async function signUpStudent(base: string, i: number): Promise<{ student: Student; ms: number }> {
  const email = `bench-student-${String(i).padStart(3, "0")}@bench.test`;
  const ip = `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const t0 = performance.now();
  const res = await submitForm(base, "/sign-up", { name: `Bench Student ${i}`, email, password: PASSWORD, role: "student" }, { "x-forwarded-for": ip });
  const took = performance.now() - t0;
  await res.arrayBuffer();
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE_NAME}=`));
  if (res.status !== 303 || !set) throw new Error(`sign-up of ${email} answered ${res.status} without a session cookie`);
  return { student: { email, ip, cookie: set.split(";")[0]! }, ms: took };
}

export async function raiseNewPerDay(base: string, s: Student) {
  const res = await submitForm(
    base,
    "/settings",
    { retentionPercent: "90", newPerDay: String(NEW_PER_DAY), maxReviewsPerDay: "200", timeZone: "UTC", dayStartHour: "4", quizFeedback: "immediate" },
    { cookie: s.cookie, "x-forwarded-for": s.ip },
  );
  const html = await res.text();
  if (!res.ok || !html.includes("Settings saved")) throw new Error(`saving the study settings of ${s.email} failed (${res.status})`);
}
