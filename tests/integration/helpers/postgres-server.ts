/**
 * Finds a PostgreSQL server for the integration tests, in this order:
 * TEST_DATABASE_URL; a server answering on 127.0.0.1:5432 (user postgres);
 * a throwaway cluster started from the installed binaries on a free loopback
 * port (stopped after the run); or none.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type PostgresServer = { adminUrl: string; stop: () => Promise<void>; origin: string };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function findPgBin(name: string): string | null {
  const dirs = fs.existsSync("/usr/lib/postgresql")
    ? fs.readdirSync("/usr/lib/postgresql").sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  for (const d of dirs) if (fs.existsSync(path.join(d, name))) return path.join(d, name);
  const which = spawnSync("which", [name], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : null;
}

/** A free loopback port (the OS picks one, then it is released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function findPostgres(): Promise<PostgresServer | null> {
  const noop = async () => undefined;
  if (process.env.TEST_DATABASE_URL) {
    return { adminUrl: process.env.TEST_DATABASE_URL, stop: noop, origin: "TEST_DATABASE_URL" };
  }
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  if (await answers(local)) return { adminUrl: local, stop: noop, origin: "127.0.0.1:5432" };

  const initdb = findPgBin("initdb");
  const pgCtl = findPgBin("pg_ctl");
  if (!initdb || !pgCtl) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-pg-"));
  const port = await freePort();
  const asUser = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  if (asUser.length) fs.chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
  const run = (bin: string, args: string[]) => {
    const [cmd, ...rest] = [...asUser, bin, ...args];
    return spawnSync(cmd!, rest, { encoding: "utf8" });
  };
  const data = path.join(dir, "data");
  if (run(initdb, ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]).status !== 0) return null;
  const started = run(pgCtl, ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-h 127.0.0.1 -p ${port} -k ${dir}`, "start"]);
  if (started.status !== 0) return null;
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    origin: `throwaway cluster on 127.0.0.1:${port}`,
    stop: async () => {
      run(pgCtl, ["-D", data, "-m", "immediate", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
