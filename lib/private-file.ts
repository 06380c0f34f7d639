import fs from "node:fs";

/**
 * Makes `file` readable and writable by its owner only (0600), creating it
 * empty when missing: the SQLite database holds password hashes and session
 * tokens. SQLite gives its -wal, -shm and -journal files the database file's
 * mode, and any already there are tightened too. An empty file is a valid
 * empty SQLite database, so migrations then run on it as on a new one.
 */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch {
      /* that companion file does not exist */
    }
  }
}
