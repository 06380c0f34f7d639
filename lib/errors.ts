/**
 * Typed errors thrown by lib and turned into HTTP statuses or form messages
 * only at the edge (app/). Each carries a message fit to show a person.
 */
export class AppError extends Error {
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

/** Bad input (400 or 422), with a message per field where there is one. */
export class Invalid extends AppError {
  override name = "Invalid";
  override readonly status = 400;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Too many attempts (429); `retryAfterSeconds` says when to try again. */
export class RateLimited extends AppError {
  override name = "RateLimited";
  override readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds < 120 ? `${retryAfterSeconds} s` : `${Math.ceil(retryAfterSeconds / 60)} min`}.`);
  }
}
