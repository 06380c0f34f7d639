import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { resolveDatabaseUrl, type DatabaseTarget } from "./db-url";
import { queuedSqlite } from "./db-sqlite-queue";
import { envInt } from "./env-int";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * The Prisma client type the data layer programs against. Both providers are
 * generated from the same models (prisma/models.prisma), so their APIs are
 * the same; the PostgreSQL client is typed through the SQLite one.
 */
export type Db = SqliteClient;
/** A client or an interactive-transaction client: what `lib/data` functions accept. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** What `createDb` may wrap its adapter factory in (a test's statement counter). */
export type AdapterWrap = (factory: SqlDriverAdapterFactory) => SqlDriverAdapterFactory;

/** Make a client for a target; the caller owns it (`$disconnect` when done). */
export function createDb(target: DatabaseTarget, wrap: AdapterWrap = (f) => f): Db {
  if (target.provider === "sqlite") {
    // One connection per client: every statement and transaction goes through
    // one queue, so no rollback can take back another request's write (lib/db-sqlite-queue).
    const adapter = wrap(queuedSqlite(new PrismaBetterSQLite3({ url: target.url, timeout: 10_000 })));
    return new SqliteClient({ adapter });
  }
  const adapter = wrap(new PrismaPg({ connectionString: target.url, max: envInt("DATABASE_POOL_SIZE", 10, 1) }));
  return new PostgresClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { factdeckDb?: { url: string; db: Db; provider: DatabaseTarget["provider"] } };

/** The process-wide client for `DATABASE_URL` (one per process, survives dev reloads). */
export function getDb(): Db {
  return current().db;
}

/** Which provider the process-wide client talks to. */
export function getDbProvider(): DatabaseTarget["provider"] {
  return current().provider;
}

function current() {
  const target = resolveDatabaseUrl(process.env.DATABASE_URL);
  const cached = globalForDb.factdeckDb;
  if (cached && cached.url === target.url) return cached;
  const entry = { url: target.url, db: createDb(target), provider: target.provider };
  globalForDb.factdeckDb = entry;
  return entry;
}
