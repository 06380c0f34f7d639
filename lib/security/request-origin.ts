/**
 * Whether a state-changing request comes from this site: its Origin names
 * the host the request was sent to (Host, or X-Forwarded-Host set by a
 * proxy) or the public URL's host. A browser always
 * sends Origin on a POST; a page on another site cannot forge it, nor add
 * X-Forwarded-Host without a CORS preflight that this site never answers.
 * `requireOrigin`: a request without Origin is refused too (server actions:
 * Next's client always sends one).
 */
export function isSameOrigin(headers: Headers, opts: { publicHost?: string; requireOrigin: boolean }): boolean {
  const origin = headers.get("origin");
  if (!origin) return !opts.requireOrigin;
  let host = "";
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, privacy redirects) or garbage: not this site
  }
  if (!host) return false;
  return host === headers.get("host") || host === headers.get("x-forwarded-host") || host === opts.publicHost;
}
