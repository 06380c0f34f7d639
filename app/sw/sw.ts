/// <reference lib="webworker" />
/**
 * Factdeck's service worker (Serwist; bundled by @serwist/turbopack's route
 * app/serwist/[path]/route.ts). What it keeps:
 * - precached: the app shell — Next's static chunks and CSS, the icons, the
 *   manifest and the offline page (/offline);
 * - pages a student opens (dashboard, decks, the review screen…): network
 *   first, the last good copy when the network is gone; a page never opened
 *   falls back to /offline;
 * - /api/** is never cached (the review screen keeps its own data in
 *   IndexedDB, per account); redirects and non-200 answers are never kept.
 * The cached pages are dropped at sign-out (app/_components/sign-out-button.tsx).
 */
import { CacheFirst, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate, type PrecacheEntry, type SerwistPlugin } from "serwist";

declare global {
  interface WorkerGlobalScope {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** Only a plain 200 is worth keeping: a redirect (to sign-in) or an error page is not the page asked for. */
const onlyPlain200: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected && response.type === "basic" ? response : null),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    { matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/api/"), handler: new NetworkOnly() },
    { matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"), handler: new CacheFirst({ cacheName: "next-static", plugins: [onlyPlain200] }) },
    { matcher: ({ request, sameOrigin }) => sameOrigin && request.headers.get("RSC") === "1", handler: new NetworkFirst({ cacheName: "pages-rsc", plugins: [onlyPlain200] }) },
    { matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate", handler: new NetworkFirst({ cacheName: "pages", plugins: [onlyPlain200] }) },
    { matcher: ({ url, sameOrigin }) => sameOrigin && /\.(?:png|svg|ico)$/.test(url.pathname), handler: new StaleWhileRevalidate({ cacheName: "assets", plugins: [onlyPlain200] }) },
  ],
  fallbacks: { entries: [{ url: "/offline", matcher: ({ request }) => request.destination === "document" }] },
});

serwist.addEventListeners();
