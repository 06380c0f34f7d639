/**
 * The Content-Security-Policy of every response. Scripts run only with this
 * request's nonce (Next reads it from the request's CSP header and puts it on
 * its own scripts); 'strict-dynamic' lets those scripts load the app's chunks.
 * No 'unsafe-inline' for scripts. `next dev` evaluates modules with eval and
 * injects its CSS as <style> elements without the nonce, so there and only
 * there scripts get 'unsafe-eval' and styles 'unsafe-inline' (which a nonce
 * in the same directive would switch off, hence no style nonce in dev).
 */
export function contentSecurityPolicy(opts: { nonce: string; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    opts.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${opts.nonce}'`,
    // React writes style attributes on a few elements (the error page): attributes only, never <style> elements.
    "style-src-attr 'unsafe-inline'",
    // The site's icon is an inline SVG data: URL.
    "img-src 'self' data:",
    "font-src 'self'",
    // `next dev` reloads over a WebSocket to the same host.
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh nonce: 16 random bytes, base64 (what CSP's nonce-source allows). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
