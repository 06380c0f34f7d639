/**
 * `npm start`: the one command that serves Factdeck on a fresh machine.
 * Resolves DATABASE_URL (SQLite in data/ by default), applies migrations,
 * seeds the corpus (idempotent), builds if the sources changed since the last
 * build, and serves it (scripts/serve.ts: `next start` behind a server that
 * passes the socket's address on). `--dev` runs `next dev` instead of build + start.
 * Any failure before the server starts is one line on stderr and exit code 1.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { resolveDatabaseUrl } from "../lib/db-url";
import { migrate } from "./db";
import { keepingTsconfig } from "./keep-tsconfig";

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");

const BUILD_INPUTS = ["app", "lib", "proxy.ts", "content", "public", "prisma", "package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json"];

/** A hash of everything the production build depends on. */
export function buildInputsHash(dir = root): string {
  const hash = crypto.createHash("sha256");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      // Skip installed packages, build output and the generated Prisma client anywhere,
      // but only the repository's own data/ folder: lib/data is source and must count.
      const rel = path.relative(dir, p).split(path.sep).join("/");
      if (/(^|\/)(node_modules|\.next[^/]*)$/.test(rel) || rel === "data" || rel === "lib/generated") return;
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      hash.update(path.relative(dir, p));
      hash.update(fs.readFileSync(p));
    }
  };
  for (const input of BUILD_INPUTS) walk(path.join(dir, input));
  return hash.digest("hex");
}

function run(cmd: string, args: string[], label: string) {
  const res = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (res.status !== 0) throw new Error(`${label} failed (exit ${res.status})`);
}

async function main() {
  const dev = process.argv.includes("--dev");
  const target = resolveDatabaseUrl(process.env.DATABASE_URL);
  console.log(`factdeck: database ${target.provider === "sqlite" ? target.file : new URL(target.url).host + new URL(target.url).pathname} (${target.provider})`);
  await migrate(target, true);
  run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "prisma", "seed.ts")], "seed");

  const port = process.env.PORT ?? "3000";
  if (dev) {
    spawnAndForward(process.execPath, [nextBin, "dev", "-p", port]);
    return;
  }
  const stamp = path.join(distDir, "factdeck-build-hash");
  const want = buildInputsHash();
  const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : "";
  if (want !== have || !fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    console.log("factdeck: building (sources changed since the last build)…");
    keepingTsconfig(root, () => run(process.execPath, [nextBin, "build"], "next build"));
    fs.writeFileSync(stamp, want);
  }
  // Next behind our own http server, which passes the socket's address on (scripts/serve.ts).
  spawnAndForward(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "serve.ts")]);
}

function spawnAndForward(cmd: string, args: string[]) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`factdeck: ${(e as Error).message.split("\n")[0]}`);
    if (process.env.FACTDECK_DEBUG) console.error(e);
    process.exit(1);
  });
}
