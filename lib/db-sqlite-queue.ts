/**
 * One queue for everything a SQLite client sends to its connection.
 *
 * `@prisma/adapter-better-sqlite3` shares ONE better-sqlite3 connection per
 * client. It makes transactions wait for each other, but not the plain
 * statements sent between them: a statement from another request, sent while
 * a transaction awaits something (a timer, a network call, a slow hash),
 * runs inside that transaction on the shared connection — it is
 * acknowledged, visible, and undone when the transaction rolls back.
 *
 * This wrapper puts every statement, script and transaction of the adapter
 * behind one first-come-first-served lock: a statement outside a transaction
 * waits until any open transaction has committed or rolled back, and a
 * transaction holds the lock from BEGIN until its commit or rollback. Each
 * statement is synchronous in better-sqlite3, so the lock only ever waits
 * for transactions held open across an `await`.
 */
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";
import { keepPreparedStatements } from "./db-sqlite-statement-cache";

const isBetterSqlite3 = (c: unknown): c is BetterSqlite3.Database =>
  typeof c === "object" && c !== null && typeof (c as { prepare?: unknown }).prepare === "function" && typeof (c as { exec?: unknown }).exec === "function";

/** A first-come-first-served async lock; `acquire` resolves to its release (idempotent). */
class FifoLock {
  #held = false;
  #waiting: (() => void)[] = [];

  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.#held = true;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.#release();
        });
      };
      if (this.#held) this.#waiting.push(grant);
      else grant();
    });
  }

  #release() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

function queueAdapter(inner: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new FifoLock();
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => exclusive(() => inner.queryRaw(query)),
    executeRaw: (query) => exclusive(() => inner.executeRaw(query)),
    executeScript: (script) => exclusive(() => inner.executeScript(script)),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => exclusive(() => inner.dispose()),
    async startTransaction(isolationLevel): Promise<Transaction> {
      const release = await lock.acquire();
      let tx: Transaction;
      try {
        tx = await inner.startTransaction(isolationLevel);
      } catch (e) {
        release();
        throw e;
      }
      // Prisma sends COMMIT / ROLLBACK through the transaction's executeRaw,
      // then calls commit() / rollback(): the lock is let go only after that.
      const end = async (finish: () => Promise<void>) => {
        try {
          await finish();
        } finally {
          release();
        }
      };
      return {
        provider: tx.provider,
        adapterName: tx.adapterName,
        options: tx.options,
        queryRaw: (query) => tx.queryRaw(query),
        executeRaw: (query) => tx.executeRaw(query),
        commit: () => end(() => tx.commit()),
        rollback: () => end(() => tx.rollback()),
      };
    },
  };
}

/**
 * Wraps a SQLite adapter factory so each connection it makes serialises its
 * statements and transactions (see the module comment) and keeps its
 * statements prepared (lib/db-sqlite-statement-cache). Connections made
 * from it also switch the database to WAL (readers in other processes —
 * a seed, a report script — no longer block the app's writes, and a crash
 * leaves the database as the last commit left it). How long to wait for
 * another process's write lock is the factory's `timeout` (busy_timeout).
 */
export function queuedSqlite(factory: SqlMigrationAwareDriverAdapterFactory, pragmas = "PRAGMA journal_mode = WAL;"): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const inner = await factory.connect();
      // The adapter's better-sqlite3 connection (its `client`) keeps its prepared statements (lib/db-sqlite-statement-cache).
      const client = (inner as { client?: unknown }).client;
      if (isBetterSqlite3(client)) keepPreparedStatements(client);
      const adapter = queueAdapter(inner);
      if (pragmas) await adapter.executeScript(pragmas);
      return adapter;
    },
    connectToShadowDb: async () => queueAdapter(await factory.connectToShadowDb()),
  };
}
