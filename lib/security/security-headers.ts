/**
 * The headers besides the CSP that every response carries: no framing (the
 * teacher's Remove and Archive buttons must not be clickjacked; X-Frame-Options
 * for browsers older than frame-ancestors), no MIME sniffing, referrers kept
 * to this site (URLs carry return paths and join codes), no powerful browser
 * features, and HSTS only when the public URL is https (over plain http a
 * browser ignores it, and a laptop on localhost must not be pinned to https).
 */
export function securityHeaders(opts: { https: boolean }): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=(), browsing-topics=()"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ...(opts.https ? ([["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]] as [string, string][]) : []),
  ];
}
