/**
 * A fresh, migrated database per call, on a real file or a real server:
 * `testDb("sqlite")` copies the run's template file, `testDb("postgresql")`
 * clones the template database. Never a mock of Prisma.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { resolveDatabaseUrl, type DatabaseTarget } from "@/lib/db-url";

export type Provider = DatabaseTarget["provider"];
export type TestDb = { db: Db; target: DatabaseTarget; close: () => Promise<void> };

/** The providers this run can test: SQLite always, PostgreSQL when global setup found a server. */
export function availableProviders(): Provider[] {
  return inject("pgTemplate") ? ["sqlite", "postgresql"] : ["sqlite"];
}

/** A URL for a new empty (unmigrated) database of the provider, and how to drop it. */
export async function emptyDatabase(provider: Provider): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const name = `factdeck_it_${inject("runId")}_${randomUUID().slice(0, 8)}`;
  if (provider === "sqlite") {
    const file = path.join(path.dirname(inject("sqliteTemplate")), `${name}.db`);
    return { target: resolveDatabaseUrl(`file:${file}`), drop: async () => fs.rmSync(file, { force: true }) };
  }
  return pgDatabase(name, null);
}

async function pgDatabase(name: string, template: string | null) {
  const adminUrl = inject("pgAdminUrl");
  if (!adminUrl) throw new Error("no PostgreSQL server for this run");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    target: resolveDatabaseUrl(u.toString()),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated database with its own client; `close()` disconnects and drops it. */
export async function testDb(provider: Provider): Promise<TestDb> {
  const name = `factdeck_it_${inject("runId")}_${randomUUID().slice(0, 8)}`;
  let made: { target: DatabaseTarget; drop: () => Promise<void> };
  if (provider === "sqlite") {
    const file = path.join(path.dirname(inject("sqliteTemplate")), `${name}.db`);
    fs.copyFileSync(inject("sqliteTemplate"), file);
    made = { target: resolveDatabaseUrl(`file:${file}`), drop: async () => fs.rmSync(file, { force: true }) };
  } else {
    made = await pgDatabase(name, inject("pgTemplate"));
  }
  const db = createDb(made.target);
  return {
    db,
    target: made.target,
    close: async () => {
      await db.$disconnect();
      await made.drop();
    },
  };
}
