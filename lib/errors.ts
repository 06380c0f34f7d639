import { FORM_ERROR_KEY } from "./field-errors";

/**
 * The one error family: typed errors thrown by lib and turned into HTTP
 * statuses or form messages only at the edge (app/_lib/http.ts,
 * app/_lib/action-state.ts). A status below 500 carries a message fit to
 * show a person; 500 (the default) marks a broken precondition — a bug,
 * which the edge rethrows so it is logged and shown as a real error page.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly status: number = 500;
}

/** Not signed in (401): the edge redirects pages to sign-in, answers 401 elsewhere. */
export class Unauthorized extends AppError {
  override name = "Unauthorized";
  override readonly status = 401;
  constructor(message = "Please sign in first.") {
    super(message);
  }
}

/** Signed in but not allowed (403). The message never names what exists. */
export class Forbidden extends AppError {
  override name = "Forbidden";
  override readonly status = 403;
  constructor(message = "You do not have access to this.") {
    super(message);
  }
}

export class NotFound extends AppError {
  override name = "NotFound";
  override readonly status = 404;
  constructor(message = "Not found.") {
    super(message);
  }
}

/** The thing changed since it was read (409): reload and try again. */
export class Conflict extends AppError {
  override name = "Conflict";
  override readonly status = 409;
}

/** What a form says when only its fields are wrong. */
export const CORRECT_THE_FIELDS = "Please correct the fields marked below.";

/**
 * Bad input (400), with a message per field where there is one: `fieldErrors`
 * maps a field name (`name`, `dueAt`, `timeMultipliers.s1`) to one sentence,
 * ready to show next to that field, and `_form` to one for the whole form.
 */
export class Invalid extends AppError {
  override name = "Invalid";
  override readonly status = 400;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }

  /** A form's field errors: the message is the form-level one (`_form`), else "Please correct the fields marked below." */
  static fields(fieldErrors: Record<string, string>): Invalid {
    return new Invalid(fieldErrors[FORM_ERROR_KEY] ?? CORRECT_THE_FIELDS, fieldErrors);
  }
}

/** Too many attempts (429); `retryAfterSeconds` says when to try again (the edge sends it as `retry-after`). */
export class RateLimited extends AppError {
  override name = "RateLimited";
  override readonly status = 429;
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts. Try again in ${retryAfterSeconds < 120 ? `${retryAfterSeconds} s` : `${Math.ceil(retryAfterSeconds / 60)} min`}.`,
  ) {
    super(message);
  }
}

/**
 * The database is too busy to answer now (503): a pool or transaction
 * timeout, a write conflict, too many connections. Nothing was written; the
 * same request may simply be sent again, after `retryAfterSeconds` (the edge
 * sends it as `retry-after`; the offline review client keeps a grade queued
 * on any 5xx and sends it again).
 */
export class Unavailable extends AppError {
  override name = "Unavailable";
  override readonly status = 503;
  constructor(
    readonly retryAfterSeconds = 2,
    message = "The server is busy right now. Nothing was saved; please try again in a moment.",
  ) {
    super(message);
  }
}

/**
 * Prisma's codes for a database that could not answer in time, none of which
 * leaves a write behind: P2024 (no connection from the pool in time), P2028
 * (a transaction that expired or could not start), P1008 (the operation timed
 * out), P2034 (a write conflict or deadlock: retry), P2037 (too many
 * connections). SQLite's "database is locked" (SQLITE_BUSY) from the driver
 * adapter is the same case.
 */
const BUSY_CODES = new Set(["P2024", "P2028", "P1008", "P2034", "P2037"]);

/** A database-busy error as `Unavailable`, or null for any other error. */
export function databaseBusy(e: unknown): Unavailable | null {
  if (e instanceof Unavailable) return e;
  if (typeof e !== "object" || e === null) return null;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && BUSY_CODES.has(code)) return new Unavailable();
  const message = String((e as { message?: unknown }).message ?? "");
  return /\bSQLITE_BUSY\b|database is locked/i.test(message) ? new Unavailable() : null;
}
