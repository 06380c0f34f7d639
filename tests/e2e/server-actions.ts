/**
 * Calls a server action the way Next's client does (POST with a `Next-Action`
 * header and the React reply encoding of `(prevState, formData)`), so access
 * checks can be tested on every action without driving its form.
 */
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { DIST_DIR } from "../../playwright.config";

export type ActionInfo = { id: string; name: string; file: string };

/** Every server action in the build, from Next's server reference manifest. */
export function listServerActions(): ActionInfo[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string; filename: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({ id, name: v.exportedName, file: v.filename }));
}

/** Every page and route handler in the build, as URL patterns ("/sources/[slug]"). */
export function listRoutes(): string[] {
  const m = JSON.parse(fs.readFileSync(path.join(DIST_DIR, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return [...new Set(Object.values(m))].sort();
}

/** Invokes an action with form fields; returns the HTTP status, the action's returned value (if any) and the raw body. */
export async function callAction(request: APIRequestContext, baseURL: string, action: ActionInfo, fields: Record<string, string>, path = "/") {
  // Next's client prefixes the fields of the FormData argument with `_<ref>_`, and the
  // root ("0") must come after them: the server decodes the parts in order.
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append("0", JSON.stringify(action.name === "signOutAction" ? [] : [{}, "$K1"]));
  const res = await request.post(path, { headers: { "Next-Action": action.id, Origin: baseURL }, multipart, maxRedirects: 0 });
  const body = await res.text();
  const line = body.split("\n").find((l) => l.startsWith("1:"));
  let value: unknown = undefined;
  if (line) {
    try {
      value = JSON.parse(line.slice(2));
    } catch {
      value = line.slice(2);
    }
  }
  return { status: res.status(), value, body, redirect: res.headers()["x-action-redirect"] ?? res.headers()["location"] };
}
