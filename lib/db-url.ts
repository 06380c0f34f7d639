import path from "node:path";
import { AppError } from "./errors";

/** Which database the app talks to, resolved from `DATABASE_URL`. */
export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

/** A `DATABASE_URL` that cannot be used (500: configuration); the message names the variable and the reason. */
export class DatabaseUrlError extends AppError {
  override name = "DatabaseUrlError";
}

/** The embedded database a fresh checkout uses when `DATABASE_URL` is unset. */
export const DEFAULT_SQLITE_FILE = path.join("data", "factdeck.db");

/**
 * Resolve `DATABASE_URL`:
 * - unset or empty → SQLite at `data/factdeck.db` under `cwd`;
 * - `file:<path>` → SQLite at that path (relative paths are taken from `cwd`);
 * - `postgres://` or `postgresql://` → PostgreSQL (must parse as a URL with a host and a database name);
 * - anything else → `DatabaseUrlError`.
 */
export function resolveDatabaseUrl(raw: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const value = raw?.trim();
  if (!value) {
    const file = path.resolve(cwd, DEFAULT_SQLITE_FILE);
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  if (value.startsWith("file:")) {
    const rest = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!rest || rest.includes("?")) {
      throw new DatabaseUrlError(`DATABASE_URL "${value}" is not usable: a file: URL needs a path and no query string (e.g. file:./data/factdeck.db)`);
    }
    const file = path.resolve(cwd, rest);
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new DatabaseUrlError(`DATABASE_URL is not a valid PostgreSQL URL (expected postgresql://user:password@host:5432/database)`);
    }
    if (!parsed.hostname) throw new DatabaseUrlError(`DATABASE_URL has no host (expected postgresql://user:password@host:5432/database)`);
    if (parsed.pathname.length <= 1) throw new DatabaseUrlError(`DATABASE_URL names no database (expected postgresql://user:password@host:5432/database)`);
    return { provider: "postgresql", url: value };
  }
  throw new DatabaseUrlError(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${value.slice(0, 40)}"`);
}
