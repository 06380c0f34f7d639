/**
 * A rollback never takes back another request's acknowledged write — checked
 * on both providers; the hazard is SQLite's.
 * One better-sqlite3 connection serves the whole process: a statement sent
 * while another request's transaction is open would run inside it and be
 * undone by its rollback. lib/db puts every statement and transaction of a
 * SQLite client behind one queue, so this can not happen.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableProviders, testDb, type TestDb } from "../helpers/test-db";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Rollback extends Error {}

describe.each(availableProviders())("concurrent rollbacks and acknowledged writes on %s", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb(provider);
  });
  afterAll(async () => t?.close());

  const user = (tag: string) => ({ id: randomUUID(), name: tag, email: `${randomUUID()}@example.org` });

  it("a write made while another transaction is open survives that transaction's rollback", async () => {
    const inside = user("inside");
    const outside = user("outside");
    let opened!: () => void;
    const isOpen = new Promise<void>((r) => (opened = r));
    const held = t.db
      .$transaction(async (tx) => {
        await tx.user.create({ data: inside });
        opened();
        // Real I/O inside a transaction (a timer standing in for it).
        await sleep(300);
        throw new Rollback("rolled back on purpose");
      }, { timeout: 10_000 })
      .catch((e: unknown) => e);
    await isOpen;
    await t.db.user.create({ data: outside });
    expect(await held).toBeInstanceOf(Rollback);
    expect(await t.db.user.findUnique({ where: { id: outside.id } })).not.toBeNull();
    expect(await t.db.user.findUnique({ where: { id: inside.id } })).toBeNull();
  });

  it("N concurrent mixed writes and rollbacks lose no acknowledged write and keep no rolled-back one", async () => {
    const N = 300;
    const acknowledged: string[] = [];
    const rolledBack: string[] = [];
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const u = user(`w${i}`);
        if (i % 3 === 0) {
          try {
            await t.db.$transaction(async (tx) => {
              await tx.user.create({ data: u });
              await sleep(i % 7);
              throw new Rollback();
            }, { timeout: 30_000, maxWait: 30_000 });
          } catch (e) {
            if (!(e instanceof Rollback)) throw e;
            rolledBack.push(u.id);
          }
        } else if (i % 3 === 1) {
          await t.db.$transaction(async (tx) => {
            await tx.user.create({ data: u });
            await sleep(i % 5);
          }, { timeout: 30_000, maxWait: 30_000 });
          acknowledged.push(u.id);
        } else {
          await sleep(i % 11);
          await t.db.user.create({ data: u });
          acknowledged.push(u.id);
        }
      }),
    );
    const present = new Set((await t.db.user.findMany({ select: { id: true } })).map((r) => r.id));
    const lost = acknowledged.filter((id) => !present.has(id));
    const kept = rolledBack.filter((id) => present.has(id));
    console.log(`[rollback ${provider}] ${acknowledged.length} acknowledged writes, ${lost.length} lost; ${rolledBack.length} rolled back, ${kept.length} kept`);
    expect(lost).toEqual([]);
    expect(kept).toEqual([]);
  });
});
