import { afterEach, describe, expect, it } from "vitest";
import { checkDatabase } from "../../lib/data/health";
import { availableProviders, testDb, type TestDb } from "./helpers/test-db";

describe.each(availableProviders())("health on %s", (provider) => {
  let t: TestDb | undefined;
  const saved = process.env.DATABASE_URL;
  afterEach(async () => {
    process.env.DATABASE_URL = saved;
    await t?.close();
  });

  it("reports ok and the provider for the configured database", async () => {
    t = await testDb(provider);
    process.env.DATABASE_URL = t.target.url;
    expect(await checkDatabase()).toEqual({ ok: true, db: provider });
  });
});

describe("health when the database is unreachable", () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    process.env.DATABASE_URL = saved;
  });
  it("reports ok: false with a reason instead of throwing", async () => {
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:9/none";
    const result = await checkDatabase();
    expect(result.ok).toBe(false);
    expect(result.db).toBe("postgresql");
    expect(result.error).toBeTruthy();
  });
});
