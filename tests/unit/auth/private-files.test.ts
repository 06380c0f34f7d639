import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensurePrivateFile } from "@/lib/private-file";
import { authSecret } from "@/lib/auth/secret";

const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe("private files", () => {
  let dir: string;
  const saved = process.env.BETTER_AUTH_SECRET;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-private-"));
    delete process.env.BETTER_AUTH_SECRET;
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.BETTER_AUTH_SECRET;
    else process.env.BETTER_AUTH_SECRET = saved;
  });

  it("creates the SQLite file 0600 and tightens an existing world-readable one and its journal files", () => {
    // Regression: the database (password hashes, session tokens) was created 0644.
    const fresh = path.join(dir, "new.db");
    ensurePrivateFile(fresh);
    expect(mode(fresh)).toBe(0o600);
    const old = path.join(dir, "old.db");
    fs.writeFileSync(old, "x", { mode: 0o644 });
    fs.writeFileSync(`${old}-wal`, "", { mode: 0o644 });
    fs.chmodSync(old, 0o644);
    fs.chmodSync(`${old}-wal`, 0o644);
    ensurePrivateFile(old);
    expect(mode(old)).toBe(0o600);
    expect(mode(`${old}-wal`)).toBe(0o600);
    expect(fs.readFileSync(old, "utf8")).toBe("x");
  });

  it("keeps the generated auth secret owner-only, also when it was left readable", () => {
    const secret = authSecret(dir);
    const file = path.join(dir, "data", "auth-secret");
    expect(mode(file)).toBe(0o600);
    fs.chmodSync(file, 0o644);
    expect(authSecret(dir)).toBe(secret);
    expect(mode(file)).toBe(0o600);
  });
});
