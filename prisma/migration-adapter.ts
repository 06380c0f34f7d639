/**
 * Driver adapters for the Prisma CLI's JavaScript schema engine (`engine: "js"`),
 * with the shims Prisma 6.19 needs to migrate offline on both providers.
 *
 * Each shim works around one observed failure; remove it when Prisma fixes it:
 *
 * 1. Shadow replay of multi-statement migrations. `migrate dev` replays every
 *    migration on a shadow database through `executeRaw`, which prepares ONE
 *    statement (better-sqlite3: "The supplied SQL string contains more than one
 *    statement"). A parameterless `executeRaw` on the shadow connection is sent
 *    through `executeScript` instead.
 * 2. PostgreSQL catalog types. Introspection reads catalog columns of type
 *    `name` (OID 19) and `"char"` (OID 18), which `@prisma/adapter-pg` refuses
 *    ("Column type 'name' could not be deserialized"). Our pool reports them as
 *    `text` (OID 25); pg hands both over as plain strings either way.
 * 3. A 10-second timer the schema engine leaves behind on PostgreSQL. After a
 *    successful `migrate deploy` the CLI process lingers 10 s on a pending
 *    engine timeout. Inside the CLI process (the only importer of this module),
 *    timers of 10 s or more are unref'd: they still fire if the process is busy,
 *    but no longer hold an otherwise finished process open.
 *
 * New migrations are written by `scripts/db.ts new-migration`, which diffs the
 * models as of the last migration (prisma/models-at-last-migration.prisma)
 * against the current ones, so it needs no shadow database at all. That sidesteps two PostgreSQL problems of
 * `migrate dev` on the JS engine: `PrismaPg.connectToShadowDb()` spreads the
 * config and sets `database`, but a `connectionString` wins over `database`, so
 * its "shadow" is the real database; and the engine releases the shadow factory
 * after its first use ("null pointer passed to rust" on the second).
 * `migrate dev` on SQLite also needs `_prisma_migrations` to exist first;
 * `scripts/db.ts migrate` always runs `migrate deploy` before `migrate dev`.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "../lib/db-url";

type Factory = PrismaBetterSQLite3 | PrismaPg;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;

const PG_CATALOG_STRING_OIDS = new Set([18 /* "char" */, 19 /* name */]);
const PG_TEXT_OID = 25;

/** A pg pool whose results report catalog string columns as `text` (shim 2). */
class NameAsTextPool extends pg.Pool {
  // pg's overloads are many; the adapter only uses the promise form with a config object.
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<pg.QueryResult>).then((r) => {
        for (const field of r.fields ?? []) if (PG_CATALOG_STRING_OIDS.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
        return r;
      }) as never;
    }
    return result as never;
  }
}

/** Route parameterless `executeRaw` through `executeScript` (shim 1). */
function scriptsThroughExecuteScript(adapter: Adapter): Adapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

/** Shim 3: long timers do not keep the Prisma CLI process alive. */
function unrefLongTimers() {
  const flag = globalThis as { factdeckTimersPatched?: boolean };
  if (flag.factdeckTimersPatched) return;
  flag.factdeckTimersPatched = true;
  const original = globalThis.setTimeout;
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    const timer = original(fn, ms, ...rest);
    if ((ms ?? 0) >= 10_000) timer.unref?.();
    return timer;
  }) as typeof setTimeout;
}

/** The migration-aware adapter factory `prisma.config.ts` hands to the CLI. */
export function migrationAdapter(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.provider === "sqlite") {
    const factory = new PrismaBetterSQLite3({ url: target.url });
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => factory.connect(),
      connectToShadowDb: async () => scriptsThroughExecuteScript(await factory.connectToShadowDb()),
    };
  }
  unrefLongTimers();
  const factory = new PrismaPg(new NameAsTextPool({ connectionString: target.url, allowExitOnIdle: true }));
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => {
      throw new Error("migrate dev needs a shadow database, which Prisma 6.19's JS engine cannot use on PostgreSQL: run npm run db:new-migration -- <name>");
    },
  };
}
