import { getDb, type DbTx } from "../db";
import { takeSlot, type SlotLimit } from "./limits";

/**
 * Takes one sign-up for a client address under `limit`, atomically (lib/data/limits),
 * before the account is created: 30 concurrent sign-ups from one address at
 * a limit of 10 create 10 accounts. Returns 0 when it may go ahead, else the
 * seconds to wait (nothing counted).
 */
export async function reserveSignUp(address: string, limit: SlotLimit, now: Date, db: DbTx = getDb()): Promise<number> {
  const slot = await takeSlot(`address-sign-up:${address}`, limit, now, db);
  return slot.ok ? 0 : slot.retryAfterSeconds;
}
