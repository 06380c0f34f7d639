import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createSerwistRoute } from "@serwist/turbopack";

/**
 * Serves the service worker (/serwist/sw.js, built from app/sw/sw.ts with
 * esbuild at build time, with the precache manifest of the build's static
 * files). The offline page is precached under a revision of its source, so
 * a new build with a changed page replaces the old copy.
 */
function offlineRevision(): string {
  try {
    return createHash("sha256").update(readFileSync("app/offline/page.tsx")).digest("hex").slice(0, 16);
  } catch {
    return "1";
  }
}

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw/sw.ts",
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: "/offline", revision: offlineRevision() }],
  // Source maps are not served; the service worker stays one small file.
  esbuildOptions: { sourcemap: false },
});
