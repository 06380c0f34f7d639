import { getDb, getDbProvider } from "../db";

/** Round-trip to the database: `{ ok, db }`, or `ok: false` with the reason. */
export async function checkDatabase(): Promise<{ ok: boolean; db: "sqlite" | "postgresql"; error?: string }> {
  const db = getDbProvider();
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return { ok: true, db };
  } catch (e) {
    const reason = String((e as Error).message ?? e).split("\n").map((l) => l.trim()).find(Boolean);
    return { ok: false, db, error: reason ?? "no answer" };
  }
}
