/**
 * Prepared statements kept per SQLite connection.
 *
 * `@prisma/adapter-better-sqlite3` prepares every statement it runs afresh
 * (`client.prepare(sql).bind(args)`, then `run()`, or `columns()` and
 * `raw().all()`), and preparing costs more than running a small indexed
 * statement. The app sends the same few hundred SQL texts over and over, so
 * this keeps each one prepared and binds the arguments per call instead:
 * `prepare` answers a stand-in whose `bind(args)` gives the calls the adapter
 * makes on a bound statement, each passing `args` to the kept statement.
 * better-sqlite3 runs a statement to completion inside the call (nothing
 * here iterates), so one kept statement is never used by two calls at once.
 */
import type BetterSqlite3 from "better-sqlite3";

type Kept = BetterSqlite3.Statement<unknown[]>;
type Bound = { readonly reader: boolean; run(): BetterSqlite3.RunResult; columns(): BetterSqlite3.ColumnDefinition[]; raw(): { all(): unknown[] } };

/** How many distinct SQL texts a connection keeps prepared (the least recently used goes first). */
export const MAX_KEPT_STATEMENTS = 500;

/**
 * Makes `db.prepare` keep statements (see the module comment); returns `db`.
 * Only the shape the adapter uses is answered: `bind(args)` and then
 * `reader`, `run()`, `columns()`, `raw().all()`.
 */
export function keepPreparedStatements(db: BetterSqlite3.Database, max = MAX_KEPT_STATEMENTS): BetterSqlite3.Database {
  const prepare = db.prepare.bind(db) as (sql: string) => Kept;
  const kept = new Map<string, Kept>();
  const statement = (sql: string): Kept => {
    let s = kept.get(sql);
    if (s) {
      kept.delete(sql); // re-inserted below: the Map's order is the recency order
    } else {
      s = prepare(sql);
      if (kept.size >= max) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, s);
    return s;
  };
  const standIn = (sql: string) => ({
    bind(args: unknown[]): Bound {
      const s = statement(sql);
      return {
        reader: s.reader,
        run: () => s.run(args),
        columns: () => s.columns(),
        raw: () => ({ all: () => s.raw(true).all(args) }),
      };
    },
    run: () => statement(sql).run(),
  });
  (db as unknown as { prepare: typeof standIn }).prepare = standIn;
  return db;
}
