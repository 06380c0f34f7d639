/**
 * Runs before every request (Next 16's proxy, formerly middleware):
 * 1. refuses state-changing requests from other sites (403) and server
 *    action calls without this app's envelope (400), before Next decodes
 *    them — Next itself answers both with a 500;
 * 2. gives every response its security headers and a CSP with a fresh nonce,
 *    which Next reads from the request's CSP header and puts on its scripts
 *    (every page is rendered per request already: the root layout reads the
 *    session cookie, so nonces cost no static rendering).
 */
import { NextResponse, type NextRequest } from "next/server";
import { authBaseURL, servedOverHttps } from "@/lib/auth/public-url";
import { actionEnvelopeProblem } from "@/lib/security/action-envelope";
import { contentSecurityPolicy, makeNonce } from "@/lib/security/content-security-policy";
import { isSameOrigin } from "@/lib/security/request-origin";
import { securityHeaders } from "@/lib/security/security-headers";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function proxy(request: NextRequest) {
  const https = servedOverHttps();
  const nonce = makeNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const refusal = await refuse(request);
  let response: NextResponse;
  if (refusal) {
    response = NextResponse.json({ error: refusal.message }, { status: refusal.status, headers: { "cache-control": "no-store" } });
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of securityHeaders({ https })) response.headers.set(name, value);
  return response;
}

async function refuse(request: NextRequest): Promise<{ status: 400 | 403; message: string } | null> {
  if (SAFE_METHODS.has(request.method)) return null;
  const isAction = request.headers.has("next-action");
  let publicHost: string | undefined;
  try {
    publicHost = new URL(authBaseURL()).host;
  } catch {
    publicHost = undefined;
  }
  if (!isSameOrigin(request.headers, { publicHost, requireOrigin: isAction })) {
    return { status: 403, message: "Requests from other sites are not accepted." };
  }
  if (!isAction) return null;
  const contentType = request.headers.get("content-type");
  let root: string | null = null;
  try {
    if (contentType?.toLowerCase().startsWith("multipart/form-data")) {
      const part = (await request.clone().formData()).get("0");
      root = typeof part === "string" ? part : null;
    } else {
      root = await request.clone().text();
    }
  } catch {
    return { status: 400, message: "The server action call is not valid form data." };
  }
  const problem = actionEnvelopeProblem(request.headers.get("next-action") ?? "", contentType, root);
  return problem ? { status: 400, message: problem } : null;
}

export const config = {
  // Every path (static files get nosniff and frame-ancestors too) but `next dev`'s hot-reload socket.
  matcher: "/((?!_next/webpack-hmr|_next/hmr).*)",
};
