import { z } from "zod";
import { Invalid } from "@/lib/errors";

/**
 * The 30 symbols a join code is made of: the digits 2–9 and the capital
 * letters without I, L, O and U.
 *
 * - 0/O and 1/I/L look alike on a projector and in handwriting, so none of
 *   them is used (Crockford's Base32 drops I, L and O for the same reason).
 * - U is dropped too, as in Crockford's alphabet: U and V blur together when a
 *   teacher writes a code on a whiteboard, and without U fewer codes spell words.
 * - Other look-alikes (5/S, 2/Z, 8/B) stay: dropping them would cost more
 *   length than they cost in mistakes.
 *
 * 30⁸ ≈ 6.6 × 10¹¹ codes (≈ 39 bits), plenty for codes that are also unique
 * in the database and whose wrong guesses are limited per student
 * (lib/data/classes `JOIN_FAILURE_LIMIT`: 10 per 10 minutes).
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/** A source of cryptographic random bytes, e.g. `(n) => crypto.getRandomValues(new Uint8Array(n))`. */
export type RandomBytes = (n: number) => Uint8Array;

/**
 * Bytes at or above this are rejected: 240 = 8 × 30 is the largest multiple
 * of the alphabet size that fits in a byte, so `byte % 30` over 0..239 gives
 * every symbol exactly 8 times (no modulo bias).
 */
const ACCEPT_BELOW = 256 - (256 % JOIN_CODE_ALPHABET.length);
const BATCH = 16;
/** With 240/256 acceptance, 64 batches of 16 bytes all but never run out; a constant source (a broken stub) does. */
const MAX_BATCHES = 64;

/**
 * A fresh join code: JOIN_CODE_LENGTH symbols drawn uniformly from
 * JOIN_CODE_ALPHABET by rejection sampling — each byte b < 240 yields
 * `ALPHABET[b % 30]`, each byte ≥ 240 is discarded. Bytes are requested in
 * batches of 16. Throws if the source keeps yielding only rejected bytes.
 */
export function generateJoinCode(randomBytes: RandomBytes): string {
  let code = "";
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    for (const byte of randomBytes(BATCH)) {
      if (byte >= ACCEPT_BELOW) continue;
      code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
      if (code.length === JOIN_CODE_LENGTH) return code;
    }
  }
  throw new Error(`randomBytes yielded fewer than ${JOIN_CODE_LENGTH} usable bytes in ${MAX_BATCHES * BATCH}`);
}

/** Spaces (any Unicode white space) and dashes (ASCII and typographic) a person may type or a phone may insert. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;

/**
 * The canonical form of a join code typed by a student: trim, upper-case,
 * remove spaces and dashes anywhere ("abcd-efgh", " ABCD EFGH " → "ABCDEFGH").
 * Look-alikes are NOT mapped (an "O" is not silently read as "0"): a
 * character outside the alphabet is an error that names it, so the student
 * checks the code instead of joining a class by accident.
 *
 * @throws Invalid with `fieldErrors.joinCode`.
 */
export function normaliseJoinCode(input: string): string {
  const code = input.trim().toUpperCase().replace(SEPARATORS, "");
  if (code.length === 0) throw Invalid.fields({ joinCode: "Enter the join code your teacher gave you." });
  const bad = [...new Set([...code].filter((ch) => !JOIN_CODE_ALPHABET.includes(ch)))];
  if (bad.length > 0) {
    const list = bad.map((ch) => `“${ch}”`).join(", ");
    throw Invalid.fields({
      joinCode: `Join codes never contain ${list}: they use the digits 2–9 and the letters A–Z without I, L, O and U. Check the code and try again.`,
    });
  }
  if (code.length !== JOIN_CODE_LENGTH) {
    throw Invalid.fields({ joinCode: `A join code has ${JOIN_CODE_LENGTH} characters; this one has ${code.length}.` });
  }
  return code;
}

/** A join code for display: normalised, then split 4–4 with a dash ("ABCD-EFGH"), which `normaliseJoinCode` accepts back. */
export function formatJoinCode(code: string): string {
  const c = normaliseJoinCode(code);
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

/** The join-code field of a form: a string normalised by `normaliseJoinCode`, its message kept. */
export const joinCodeSchema = z.string({ error: "Enter the join code your teacher gave you." }).transform((input, ctx) => {
  try {
    return normaliseJoinCode(input);
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    ctx.addIssue({ code: "custom", message: e.fieldErrors.joinCode ?? "Invalid join code." });
    return z.NEVER;
  }
});

/**
 * The join code a `returnTo` path carries, if it is a join link
 * (`/join/<code>`) or the join form with a code (`/join?code=<code>`);
 * null for any other path. The code is returned as written (percent-escapes
 * read); whether it opens a class is the lookup's business.
 */
export function joinCodeInPath(path: string): string | null {
  let url: URL;
  try {
    url = new URL(path, "http://factdeck.invalid");
  } catch {
    return null;
  }
  const link = /^\/join\/([^/]+)$/.exec(url.pathname);
  if (link) {
    try {
      return decodeURIComponent(link[1]!);
    } catch {
      return null;
    }
  }
  if (url.pathname === "/join") return url.searchParams.get("code") || null;
  return null;
}
