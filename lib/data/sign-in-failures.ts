import crypto from "node:crypto";
import { getDb, type DbTx } from "../db";
import { takeSlot, type SlotLimit } from "./limits";
import { isUniqueViolation } from "./unique-violation";
import { refusalSeconds, SIGN_IN_DELAY, type SignInDelayPolicy } from "../auth/sign-in-delay";

/**
 * Consecutive wrong passwords per (account, client address) pair, for the
 * progressive delay of lib/auth/sign-in-delay. Stored in better-auth's
 * RateLimit table (shared by every app server) under a key made from a hash
 * of the e-mail address and the address, so the table holds neither.
 */
const keyFor = (email: string, address: string) =>
  `sign-in-pair:${crypto.createHash("sha256").update(`${email.trim().toLowerCase()}\n${address}`).digest("hex")}`;

/** Seconds until this pair may try again; 0 when it may now. */
export async function signInRefusalSeconds(email: string, address: string, now: Date, db: DbTx = getDb()): Promise<number> {
  const policy: SignInDelayPolicy = SIGN_IN_DELAY;
  const row = await db.rateLimit.findUnique({ where: { key: keyFor(email, address) }, select: { count: true, lastRequest: true } });
  return row ? refusalSeconds(row.count, Number(row.lastRequest), now.getTime(), policy) : 0;
}

/** Counts one wrong password for the pair (atomically); a count older than the forget window starts over. */
export async function recordSignInFailure(email: string, address: string, now: Date, db: DbTx = getDb()): Promise<void> {
  const policy: SignInDelayPolicy = SIGN_IN_DELAY;
  const key = keyFor(email, address);
  await db.rateLimit.deleteMany({ where: { key, lastRequest: { lte: BigInt(now.getTime() - policy.forgetAfterSeconds * 1000) } } });
  const at = BigInt(now.getTime());
  // An increment first; a first failure inserts the row. Two first failures at once race on the
  // unique key: the loser's insert fails and it increments the winner's row instead (never a 500).
  const bump = () => db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 }, lastRequest: at } });
  if ((await bump()).count > 0) return;
  try {
    await db.rateLimit.create({ data: { id: crypto.randomUUID(), key, count: 1, lastRequest: at }, select: { id: true } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    await bump();
  }
}

/** A right password clears the pair's count. */
export async function clearSignInFailures(email: string, address: string, db: DbTx = getDb()): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: keyFor(email, address) } });
}

/**
 * Takes one sign-in try for the client address, atomically, before the
 * password is checked (lib/data/limits): of 40 concurrent tries at a limit of
 * 5, five are checked. Returns 0 when the try may go ahead, else the seconds to wait.
 */
export async function reserveAddressSignIn(address: string, limit: SlotLimit, now: Date, db: DbTx = getDb()): Promise<number> {
  const slot = await takeSlot(`address-sign-in:${address}`, limit, now, db);
  return slot.ok ? 0 : slot.retryAfterSeconds;
}
