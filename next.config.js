/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build directory lets two builds (e.g. two e2e runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and driver packages stay outside the server bundle (esbuild: what @serwist/turbopack's `withSerwist`
  // adds, for the service worker's route, app/serwist/[path]/route.ts).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "esbuild", "esbuild-wasm"],
  // Type checking runs as its own step (`npm run typecheck`, part of `npm test`) over the
  // whole project, tests included; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  devIndicators: false,
};

module.exports = nextConfig;
