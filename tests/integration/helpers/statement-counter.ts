/**
 * Counts what a Prisma client sends to its database driver: every query and
 * execute (inside a transaction or not) plus BEGIN, COMMIT and ROLLBACK — the
 * statements the issue counted. Wraps the adapter factory (`createDb`'s
 * `wrap`), so the client under test is the app's own, on a real database.
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

export type StatementLog = { statements: string[]; wrap: (f: SqlDriverAdapterFactory) => SqlDriverAdapterFactory; reset: () => void };

export function statementCounter(): StatementLog {
  const statements: string[] = [];
  const note = (sql: string) => statements.push(sql.replace(/\s+/g, " ").trim());
  const countTx = (tx: Transaction): Transaction => ({
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q) => (note(q.sql), tx.queryRaw(q)),
    executeRaw: (q) => (note(q.sql), tx.executeRaw(q)),
    commit: () => (tx.options.usePhantomQuery ? note("COMMIT") : undefined, tx.commit()),
    rollback: () => (tx.options.usePhantomQuery ? note("ROLLBACK") : undefined, tx.rollback()),
  });
  const countAdapter = (a: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: a.provider,
    adapterName: a.adapterName,
    queryRaw: (q) => (note(q.sql), a.queryRaw(q)),
    executeRaw: (q) => (note(q.sql), a.executeRaw(q)),
    executeScript: (s) => (note(s), a.executeScript(s)),
    getConnectionInfo: a.getConnectionInfo?.bind(a),
    dispose: () => a.dispose(),
    startTransaction: async (level) => {
      note("BEGIN");
      return countTx(await a.startTransaction(level));
    },
  });
  return {
    statements,
    reset: () => statements.splice(0),
    wrap: (f) => ({ provider: f.provider, adapterName: f.adapterName, connect: async () => countAdapter(await f.connect()) }),
  };
}
