import crypto from "node:crypto";
import { getDb, type DbTx } from "../db";

/**
 * Failed sign-ins per account, next to better-auth's per-address limit: the
 * address can be hidden behind a proxy or a spoofed X-Forwarded-For, the
 * account cannot. After `max` wrong passwords for one e-mail address within
 * `windowSeconds`, sign-in for that address is refused until the window ends,
 * whoever tries. Stored in better-auth's RateLimit table (shared by every app
 * server), under a key made from a hash of the e-mail address.
 */
export const ACCOUNT_FAILURE_LIMIT = {
  windowSeconds: 15 * 60,
  max: Number(process.env.FACTDECK_ACCOUNT_FAILURES_MAX ?? 10),
} as const;

const keyFor = (email: string) => `account-sign-in:${crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;

/** Seconds until this account may try again; 0 when it may now. */
export async function accountLockSeconds(email: string, now: Date, db: DbTx = getDb()): Promise<number> {
  const limit = ACCOUNT_FAILURE_LIMIT;
  const row = await db.rateLimit.findUnique({ where: { key: keyFor(email) }, select: { count: true, lastRequest: true } });
  if (!row || row.count < limit.max) return 0;
  const endsAt = Number(row.lastRequest) + limit.windowSeconds * 1000;
  return endsAt > now.getTime() ? Math.ceil((endsAt - now.getTime()) / 1000) : 0;
}

/** Counts one wrong password; a failure after the window has passed starts a new window. */
export async function recordSignInFailure(email: string, now: Date, db: DbTx = getDb()): Promise<void> {
  const limit = ACCOUNT_FAILURE_LIMIT;
  const key = keyFor(email);
  const startOfWindow = BigInt(now.getTime() - limit.windowSeconds * 1000);
  await db.rateLimit.deleteMany({ where: { key, lastRequest: { lt: startOfWindow } } });
  await db.rateLimit.upsert({
    where: { key },
    create: { id: crypto.randomUUID(), key, count: 1, lastRequest: BigInt(now.getTime()) },
    update: { count: { increment: 1 }, lastRequest: BigInt(now.getTime()) },
  });
}

/** A successful sign-in clears the account's count. */
export async function clearSignInFailures(email: string, db: DbTx = getDb()): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: keyFor(email) } });
}
