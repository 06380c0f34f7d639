import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The key that signs session cookies: `BETTER_AUTH_SECRET` when set (required
 * for several app servers, which must share it), else a random key made once
 * and kept in `data/auth-secret` beside the embedded database.
 */
export function authSecret(cwd = process.cwd()): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters");
    return fromEnv;
  }
  const file = path.join(cwd, "data", "auth-secret");
  try {
    const secret = fs.readFileSync(file, "utf8").trim();
    // A key written by an older version (or copied in) may be readable by others: owner only.
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return secret;
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
