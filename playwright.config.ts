import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Build directory and database of this run (two runs can go side by side on different E2E_PORTs). */
export const DIST_DIR = process.env.NEXT_DIST_DIR ?? (PORT === 3210 ? ".next" : `.next-e2e-${PORT}`);
const E2E_DB = PORT === 3210 ? "e2e.db" : `e2e-${PORT}.db`;
/** The app's database: a SQLite file of this run, or `E2E_DATABASE_URL` (the PostgreSQL leg of the fuzzer). */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/${E2E_DB}`;

// Debian's Chromium, never a downloaded browser; the flags keep it off the network.
const launchOptions = {
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON_OUTPUT ? [["list"], ["json", { outputFile: process.env.PW_JSON_OUTPUT }]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: "only-on-failure",
    trace: "off",
  },
  projects: [
    // Titles tagged @phone-only / @desktop-only run in one project only (touch vs keyboard sessions).
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions }, grepInvert: /@phone-only/ },
    // The access matrix works at the HTTP level: one project runs it.
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, testIgnore: /access-matrix/, grepInvert: /@desktop-only/ },
  ],
  webServer: {
    // The same start command a user runs, on a database of its own.
    command: "node node_modules/tsx/dist/cli.mjs scripts/start.ts",
    env: { NEXT_DIST_DIR: DIST_DIR, DATABASE_URL: E2E_DATABASE_URL, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1", FACTDECK_SIGN_IN_MAX: "100", FACTDECK_SIGN_UP_MAX: "100", BETTER_AUTH_URL: `http://127.0.0.1:${PORT}` },
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
