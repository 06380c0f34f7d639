import { afterEach, describe, expect, it } from "vitest";
import { databaseBusy, Unavailable } from "../../lib/errors";
import { availableProviders, testDb, type TestDb } from "./helpers/test-db";

// A real expired interactive transaction on each provider: Prisma's error is recognised as
// "busy, retry" (a 503 at the edge), and the transaction's write is rolled back.
describe.each(availableProviders())("a transaction that outlives its timeout on %s", (provider) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("fails with an error databaseBusy maps to Unavailable (503, retry-after), and writes nothing", async () => {
    t = await testDb(provider);
    const db = t.db;
    const email = `busy-${provider}@factdeck.test`;
    let caught: unknown;
    try {
      await db.$transaction(
        async (tx) => {
          await tx.user.create({ data: { id: `busy-${provider}`, email, name: "Busy", role: "student", emailVerified: false } });
          await new Promise((r) => setTimeout(r, 300));
          await tx.user.count();
        },
        { timeout: 50, maxWait: 2_000 },
      );
    } catch (e) {
      caught = e;
    }
    expect(caught, "the transaction should have expired").toBeDefined();
    const busy = databaseBusy(caught);
    expect(busy, String(caught)).toBeInstanceOf(Unavailable);
    expect(busy?.status).toBe(503);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
