import crypto from "node:crypto";
import { getDb, type DbTx } from "../db";
import { clearSlots, returnSlot, slotWaitSeconds, takeSlot, type SlotLimit } from "./limits";

/**
 * Failed sign-ins per account, next to the per-address limit: the address can
 * be hidden behind a proxy or a spoofed X-Forwarded-For, the account cannot.
 * After `max` wrong passwords for one e-mail address within `windowSeconds`,
 * sign-in for that address is refused until the window ends, whoever tries.
 * Stored in better-auth's RateLimit table (shared by every app server), under
 * a key made from a hash of the e-mail address.
 *
 * Counting is atomic (lib/data/limits): each try takes its slot BEFORE the
 * password is checked, so 40 concurrent tries at a limit of 10 check 10
 * passwords, not 40; a right password clears the count, a try refused for
 * another reason than the password gives its slot back.
 */
export const ACCOUNT_FAILURE_LIMIT = {
  windowSeconds: 15 * 60,
  max: Number(process.env.FACTDECK_ACCOUNT_FAILURES_MAX ?? 10),
} as const;

const keyFor = (email: string) => `account-sign-in:${crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
const addressKey = (address: string) => `address-sign-in:${address}`;

/** Seconds until this account may try again; 0 when it may now. */
export async function accountLockSeconds(email: string, now: Date, db: DbTx = getDb(), limit = ACCOUNT_FAILURE_LIMIT): Promise<number> {
  return slotWaitSeconds(keyFor(email), limit, now, db);
}

/**
 * Takes one sign-in try for the client address (under `addressLimit`) and
 * for the account (under `limit`), atomically, before the password is
 * checked. Returns 0 when the try may go ahead, else the seconds to wait
 * (and nothing is counted).
 */
export async function reserveSignInAttempt(
  input: { email: string; address: string; addressLimit: SlotLimit },
  now: Date,
  db: DbTx = getDb(),
  limit: SlotLimit = ACCOUNT_FAILURE_LIMIT,
): Promise<number> {
  const byAddress = await takeSlot(addressKey(input.address), input.addressLimit, now, db);
  if (!byAddress.ok) return byAddress.retryAfterSeconds;
  const byAccount = await takeSlot(keyFor(input.email), limit, now, db);
  if (byAccount.ok) return 0;
  await returnSlot(addressKey(input.address), db);
  return byAccount.retryAfterSeconds;
}

/** A reserved try that was refused for another reason than a wrong password (e.g. malformed): it does not count against the account. */
export async function returnSignInAttempt(email: string, db: DbTx = getDb()): Promise<void> {
  await returnSlot(keyFor(email), db);
}

/** Counts one wrong password (for a caller that did not reserve the try). */
export async function recordSignInFailure(email: string, now: Date, db: DbTx = getDb(), limit = ACCOUNT_FAILURE_LIMIT): Promise<void> {
  await takeSlot(keyFor(email), limit, now, db);
}

/** A successful sign-in clears the account's count. */
export async function clearSignInFailures(email: string, db: DbTx = getDb()): Promise<void> {
  await clearSlots(keyFor(email), db);
}
