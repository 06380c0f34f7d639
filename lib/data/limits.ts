import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "./unique-violation";
import { getDb, type DbTx } from "../db";

/*
 * Counted limits ("at most `max` per window"), enforced by the database on
 * both providers: a slot is taken by ONE conditional UPDATE whose WHERE holds
 * the guard (`count < max` within the window), or by the INSERT of the
 * counter row, which the unique key makes happen once. Never a read
 * followed by a write in application code: of 100 concurrent takers of a
 * limit of 10, exactly 10 get a slot, on SQLite and on PostgreSQL (an UPDATE
 * that waited for another's row lock re-checks its WHERE on the new row).
 *
 * Counters live in better-auth's RateLimit table (shared by every app
 * server), under keys of our own; `lastRequest` holds when the last slot was
 * taken (ms): the count runs until `windowSeconds` pass without a slot taken,
 * and a full count refuses until `windowSeconds` after its last slot
 * (refused calls write nothing, so they do not prolong it).
 *
 * Call these on the process-wide client, not inside a transaction: on
 * PostgreSQL the unique violation of a lost INSERT race would abort it.
 */

/** At most `max` slots per `windowSeconds`. */
export type SlotLimit = { max: number; windowSeconds: number };

export type SlotOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

const retryAfter = (lastSlot: number, limit: SlotLimit, now: Date) => Math.max(1, Math.ceil((lastSlot + limit.windowSeconds * 1000 - now.getTime()) / 1000));

/**
 * Takes one slot of `key` under `limit` at `now`, atomically: either this call
 * counted (ok) or the window is full and nothing was written (with the
 * seconds until it ends).
 */
export async function takeSlot(key: string, limit: SlotLimit, now: Date, db: DbTx = getDb()): Promise<SlotOutcome> {
  const t = now.getTime();
  const windowStart = BigInt(t - limit.windowSeconds * 1000);
  if (limit.max <= 0) return { ok: false, retryAfterSeconds: limit.windowSeconds };
  // A few rounds at most: each round ends unless another request changed the row between two statements.
  for (let round = 0; round < 5; round++) {
    const counted = await db.rateLimit.updateMany({ where: { key, count: { lt: limit.max }, lastRequest: { gt: windowStart } }, data: { count: { increment: 1 }, lastRequest: BigInt(t) } });
    if (counted.count === 1) return { ok: true };
    const renewed = await db.rateLimit.updateMany({ where: { key, lastRequest: { lte: windowStart } }, data: { count: 1, lastRequest: BigInt(t) } });
    if (renewed.count === 1) return { ok: true };
    const row = await db.rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
    if (row) {
      if (row.count >= limit.max && row.lastRequest > windowStart) return { ok: false, retryAfterSeconds: retryAfter(Number(row.lastRequest), limit, now) };
      continue;
    }
    try {
      await db.rateLimit.create({ data: { id: randomUUID(), key, count: 1, lastRequest: BigInt(t) }, select: { id: true } });
      return { ok: true };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  // Still contended after every round: refuse rather than overshoot.
  return { ok: false, retryAfterSeconds: 1 };
}

/** Gives back one slot taken with `takeSlot` (the guarded thing turned out not to count, e.g. a right join code). */
export async function returnSlot(key: string, db: DbTx = getDb()): Promise<void> {
  await db.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Forgets `key`'s count (e.g. a successful sign-in clears its failures). */
export async function clearSlots(key: string, db: DbTx = getDb()): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Seconds until `key` has a free slot again; 0 when it has one now. Read-only (for pages that show a wait). */
export async function slotWaitSeconds(key: string, limit: SlotLimit, now: Date, db: DbTx = getDb()): Promise<number> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
  if (!row || row.count < limit.max) return 0;
  const endsAt = Number(row.lastRequest) + limit.windowSeconds * 1000;
  return endsAt > now.getTime() ? Math.ceil((endsAt - now.getTime()) / 1000) : 0;
}
