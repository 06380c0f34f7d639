import "server-only";
import { cookies, headers } from "next/headers";
import type { RequestContext } from "@/lib/auth/session";

/** The incoming request as lib/auth needs it: its headers (cookies, client address). */
export async function requestContext(): Promise<RequestContext> {
  return { headers: new Headers(await headers()) };
}

/** Copies better-auth's Set-Cookie headers onto the response of this server action. */
export async function applySetCookies(setCookies: string[]) {
  const jar = await cookies();
  for (const raw of setCookies) {
    const [pair = "", ...attrs] = raw.split(";").map((s) => s.trim());
    const eq = pair.indexOf("=");
    if (eq < 1) continue;
    const name = pair.slice(0, eq);
    const value = decodeURIComponent(pair.slice(eq + 1));
    const opts: Parameters<typeof jar.set>[2] = {};
    for (const attr of attrs) {
      const [k = "", v = ""] = attr.split("=");
      switch (k.toLowerCase()) {
        case "path": opts.path = v; break;
        case "max-age": opts.maxAge = Number(v); break;
        case "expires": opts.expires = new Date(v); break;
        case "httponly": opts.httpOnly = true; break;
        case "secure": opts.secure = true; break;
        case "samesite": opts.sameSite = v.toLowerCase() as "lax" | "strict" | "none"; break;
        case "domain": opts.domain = v; break;
      }
    }
    jar.set(name, value, opts);
  }
}
