/**
 * Once per integration run: a SQLite template database migrated from zero (each
 * test file copies it), and, when a PostgreSQL server can be found, a template
 * database migrated from zero (each test file clones it with CREATE DATABASE …
 * TEMPLATE). In CI a missing PostgreSQL is a failure; elsewhere one loud line.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { resolveDatabaseUrl } from "../../lib/db-url";
import { migrate } from "../../scripts/db";
import { findPostgres } from "./helpers/postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    pgAdminUrl: string | null;
    pgTemplate: string | null;
    runId: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-it-"));
  const sqliteTemplate = path.join(dir, "template.db");
  await migrate(resolveDatabaseUrl(`file:${sqliteTemplate}`), true);

  const server = await findPostgres();
  let pgTemplate: string | null = null;
  if (server) {
    pgTemplate = `factdeck_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${pgTemplate}"`);
    await admin.end();
    const u = new URL(server.adminUrl);
    u.pathname = `/${pgTemplate}`;
    await migrate(resolveDatabaseUrl(u.toString()), true);
    console.log(`[integration] PostgreSQL leg: ${server.origin}`);
  } else {
    const line = "[integration] !!! PostgreSQL leg DID NOT RUN: no TEST_DATABASE_URL, nothing on 127.0.0.1:5432, no initdb/pg_ctl installed !!!";
    if (process.env.CI) throw new Error(`${line} (required in CI)`);
    console.warn(line);
  }

  project.provide("sqliteTemplate", sqliteTemplate);
  project.provide("pgAdminUrl", server?.adminUrl ?? null);
  project.provide("pgTemplate", pgTemplate);
  project.provide("runId", runId);

  return async () => {
    if (server) {
      const admin = new pg.Client({ connectionString: server.adminUrl });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
        [`factdeck_it_${runId}_%`, pgTemplate],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      await admin.end();
      await server.stop();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
