/**
 * lib/db-sqlite-statement-cache keeps each SQL text prepared once per
 * connection and binds the arguments per call. Checked on a real
 * better-sqlite3 connection, driven as @prisma/adapter-better-sqlite3 drives
 * it (`prepare(sql).bind(args)`, then `reader`, `run()` or `columns()` and
 * `raw().all()`), and through a Prisma client made by lib/db: the same
 * answers as fresh statements, one native prepare per text, the least
 * recently used text dropped past the limit, errors where the adapter catches them.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { keepPreparedStatements } from "../../lib/db-sqlite-statement-cache";
import { createDb } from "../../lib/db";
import { testDb, type TestDb } from "./helpers/test-db";

function counted() {
  const db = new Database(":memory:");
  db.defaultSafeIntegers(true);
  const sqls: string[] = [];
  const native = db.prepare.bind(db);
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    sqls.push(sql);
    return native(sql);
  };
  return { db, sqls };
}

type AdapterView = { prepare(sql: string): { bind(args: unknown[]): { reader: boolean; run(): { changes: number }; columns(): { name: string }[]; raw(): { all(): unknown[][] } } } };

describe("prepared statements kept per SQLite connection", () => {
  let t: TestDb | undefined;
  afterEach(async () => t?.close());

  it("answers as fresh statements do, preparing each text once, binding per call", () => {
    const { db, sqls } = counted();
    keepPreparedStatements(db, 2);
    const view = db as unknown as AdapterView;
    view.prepare("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)").bind([]).run();
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    for (const [id, name] of [[1, "a"], [2, "b"], [3, "c"]] as const) expect(view.prepare(insert).bind([id, name]).run().changes).toBe(1);
    const select = "SELECT id, name FROM t WHERE id >= ? ORDER BY id";
    const read = (from: number) => {
      const s = view.prepare(select).bind([from]);
      expect(s.reader).toBe(true);
      return { columns: s.columns().map((c) => c.name), rows: s.raw().all() };
    };
    expect(read(2)).toEqual({ columns: ["id", "name"], rows: [[2n, "b"], [3n, "c"]] });
    expect(read(3)).toEqual({ columns: ["id", "name"], rows: [[3n, "c"]] });
    expect(view.prepare(insert).bind([4, "d"]).reader).toBe(false);
    // One native prepare per text so far.
    expect(sqls.filter((s) => s === insert)).toHaveLength(1);
    expect(sqls.filter((s) => s === select)).toHaveLength(1);
    // Past the limit (2) the least recently used text (the CREATE) went; the two in use stayed.
    view.prepare("SELECT COUNT(*) FROM t").bind([]).raw().all();
    view.prepare(select).bind([1]).raw().all();
    view.prepare(insert).bind([5, "e"]).run();
    expect(sqls.filter((s) => s === insert)).toHaveLength(2); // dropped by the COUNT, prepared again
    expect(read(1).rows.map((r) => r[0])).toEqual([1n, 2n, 3n, 5n]); // 4 was bound, never run
    // Bad SQL and wrong arguments throw from the calls the adapter wraps in its error mapping.
    expect(() => view.prepare("SELECT * FROM nowhere").bind([])).toThrow(/no such table/);
    expect(() => view.prepare(insert).bind([1, "again"]).run()).toThrow(/UNIQUE constraint failed/);
    expect(() => view.prepare(select).bind([]).raw().all()).toThrow(/Too few parameter/);
    db.close();
  });

  it("serves a Prisma client: raw and model statements, a transaction rolled back, the same text reused", async () => {
    t = await testDb("sqlite");
    const db = createDb(t.target);
    try {
      const ids = ["u1", "u2", "u3"];
      for (const id of ids) await db.user.create({ data: { id, name: id, email: `${id}@example.org` } });
      await expect(
        db.$transaction(async (tx) => {
          await tx.user.create({ data: { id: "u4", name: "u4", email: "u4@example.org" } });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      for (const id of ids) {
        const [row] = await db.$queryRaw<{ name: string }[]>`SELECT "name" FROM "User" WHERE "id" = ${id}`;
        expect(row?.name).toBe(id);
      }
      expect((await db.user.findMany({ orderBy: { id: "asc" } })).map((u) => u.id)).toEqual(ids);
      await expect(db.user.create({ data: { id: "u1", name: "again", email: "again@example.org" } })).rejects.toMatchObject({ code: "P2002" });
    } finally {
      await db.$disconnect();
    }
  });
});
