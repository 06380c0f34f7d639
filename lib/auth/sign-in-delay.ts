import { envInt } from "../env-int";
/**
 * Progressive delay for wrong passwords, per (account, client address) pair:
 * the first `freeFailures` wrong passwords cost nothing; each further one
 * doubles a refusal window (30 s, 1 min, 2 min … up to an hour) during which
 * that pair's sign-ins are refused without checking the password. A pair's
 * count is forgotten `forgetAfterSeconds` after its last failure and cleared
 * by a right password. The pair, not the account: wrong passwords sent from
 * one address never lock the owner out from another (the old per-account
 * lock let anyone lock anyone out). Guessing from many addresses is held by
 * the per-address limit on every address (better-auth's rate limit).
 */
export type SignInDelayPolicy = { freeFailures: number; baseSeconds: number; maxSeconds: number; forgetAfterSeconds: number };

export const SIGN_IN_DELAY: SignInDelayPolicy = {
  freeFailures: envInt("FACTDECK_SIGN_IN_FREE_FAILURES", 5),
  baseSeconds: 30,
  maxSeconds: 60 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};

/** The refusal window after `failures` consecutive wrong passwords (0: none). */
export function delayAfterFailures(failures: number, policy: SignInDelayPolicy = SIGN_IN_DELAY): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(30, failures - policy.freeFailures));
}

/** Seconds until the pair may try again (0: now), from its count and the time of its last failure. */
export function refusalSeconds(failures: number, lastFailureMs: number, nowMs: number, policy: SignInDelayPolicy = SIGN_IN_DELAY): number {
  if (nowMs - lastFailureMs >= policy.forgetAfterSeconds * 1000) return 0;
  const endsAt = lastFailureMs + delayAfterFailures(failures, policy) * 1000;
  return endsAt > nowMs ? Math.ceil((endsAt - nowMs) / 1000) : 0;
}
