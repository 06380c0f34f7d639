import { defineConfig } from "vitest/config";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    env: { TZ: "UTC" },
    // Integration tests wait on databases and child servers more than they compute: one worker more than the cores.
    maxWorkers: Math.max(2, availableParallelism() + 1),
    projects: [
      {
        extends: true,
        // Property tests run hundreds of seeds; 20 s leaves room for a busy CI machine (none is a timing test).
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
