/**
 * The PostgreSQL leg of the robustness fuzzer (tests/e2e/robustness-fuzz.spec.ts):
 * the app served by `npm start` on a PostgreSQL database of its own (created
 * here, dropped after), reusing the build the main e2e run left in .next.
 * In CI a missing PostgreSQL is a failure; elsewhere one loud line.
 *
 *   tsx scripts/e2e-postgres-fuzz.ts   (PW_JSON_OUTPUT for the report)
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { findPostgres } from "../tests/integration/helpers/postgres-server";

/** The first 1 500 of the SQLite leg's 5 000 seeded requests: the handlers' provider-specific paths, in CI's time budget. */
const PG_RUNS = 1_500;

async function main(): Promise<number> {
  const server = await findPostgres();
  if (!server) {
    console.warn("[e2e] !!! PostgreSQL fuzz leg DID NOT RUN: no PostgreSQL server found !!!");
    return process.env.CI ? 1 : 0;
  }
  const name = `factdeck_e2e_fuzz_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server.adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(server.adminUrl);
  u.pathname = `/${name}`;
  try {
    const res = spawnSync("bash", ["scripts/e2e.sh", "tests/e2e/robustness-fuzz.spec.ts", "--project=desktop"], {
      stdio: "inherit",
      env: { ...process.env, E2E_PORT: process.env.E2E_PG_PORT ?? "3211", NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next", E2E_DATABASE_URL: u.toString(), FACTDECK_FUZZ_RUNS: process.env.FACTDECK_FUZZ_RUNS ?? String(PG_RUNS) },
    });
    return res.status ?? 1;
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
