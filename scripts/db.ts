/**
 * Database commands that work offline on both providers.
 *
 *   tsx scripts/db.ts generate          generate the Prisma clients for SQLite and PostgreSQL
 *   tsx scripts/db.ts migrate           apply committed migrations to DATABASE_URL (default: SQLite in data/)
 *   tsx scripts/db.ts new-migration N   write migration N for BOTH providers from prisma/models.prisma
 *   tsx scripts/db.ts check             exit 1 if the models and committed migrations disagree
 *
 * Failures print one line naming the cause and exit non-zero.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DatabaseUrlError, resolveDatabaseUrl, type DatabaseTarget } from "../lib/db-url";
import { ensurePrivateFile } from "../lib/private-file";

const root = path.resolve(__dirname, "..");
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");

function prisma(args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}) {
  const res = spawnSync(process.execPath, [prismaBin, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  const out = `${res.stdout ?? ""}${res.stderr ?? ""}`;
  if (res.status !== 0) {
    const line = out.split("\n").find((l) => /error/i.test(l)) ?? out.trim().split("\n").pop();
    throw new Error(`prisma ${args[0]} failed: ${line}\n${out}`);
  }
  if (!opts.quiet) process.stdout.write(out.split("\n").filter((l) => !/Driver Adapter|NOT be used|recommend you to remove|^- url$|^WARNING|^$/.test(l)).join("\n") + "\n");
  return out;
}

/** Fail fast with one clear line when the database cannot be reached. */
export async function assertReachable(target: DatabaseTarget): Promise<void> {
  if (target.provider === "sqlite") {
    const dir = path.dirname(target.file);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (e) {
      throw new Error(`DATABASE_URL: cannot write the SQLite database in ${dir} (${(e as Error).message})`);
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    const u = new URL(target.url);
    throw new Error(`DATABASE_URL: cannot reach PostgreSQL at ${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)} (${(e as Error).message || (e as { code?: string }).code})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function migrate(target: DatabaseTarget, quiet = false) {
  await assertReachable(target);
  if (target.provider === "sqlite") ensurePrivateFile(target.file);
  prisma(["migrate", "deploy"], target.url, { quiet });
}

async function withScratch<T>(provider: DatabaseTarget["provider"], fn: (t: DatabaseTarget) => Promise<T>): Promise<T> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-mig-"));
    try {
      return await fn(resolveDatabaseUrl(`file:${path.join(dir, "scratch.db")}`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const base = process.env.MIGRATION_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const name = `factdeck_mig_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const u = new URL(base);
    u.pathname = `/${name}`;
    return await fn(resolveDatabaseUrl(u.toString()));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** The models as of the newest committed migration of a provider. */
const snapshotPath = (provider: DatabaseTarget["provider"]) => path.join(root, "prisma", provider, "migrations", "models-at-last-migration.prisma");

/**
 * The SQL that takes the newest committed migration of `provider` to the
 * current models, or "" when there is nothing to do. Prisma 6.19's JS engine
 * can neither diff from a live database nor use a PostgreSQL shadow database
 * (see prisma/migration-adapter.ts), so the models as of the last migration
 * are kept beside the migrations and diffed against the current ones; the
 * engine still needs a reachable database of the provider, so a scratch one is made.
 */
async function pendingSql(provider: DatabaseTarget["provider"]): Promise<string> {
  return withScratch(provider, async (t) => {
    const schema = `prisma/${provider}/schema.prisma`;
    const from = fs.existsSync(snapshotPath(provider)) ? ["--from-schema-datamodel", path.relative(root, snapshotPath(provider))] : ["--from-empty"];
    const out = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], t.url, { quiet: true });
    const sql = out.split("\n").filter((l) => !/^(Loaded Prisma config|Prisma config detected|Prisma schema loaded|Datasource "db"|WARNING:|- url$|The values from your schema|We recommend you to remove)/.test(l)).join("\n").trim();
    return /^-- This is an empty migration\.?$/.test(sql) || sql === "" ? "" : `${sql}\n`;
  });
}

async function main() {
  const [cmd, arg] = process.argv.slice(2);
  switch (cmd) {
    case "generate":
      for (const p of ["sqlite", "postgresql"] as const) {
        const url = p === "sqlite" ? "file:./data/generate.db" : "postgresql://generate@localhost:5432/generate";
        prisma(["generate", "--schema", `prisma/${p}/schema.prisma`], url, { quiet: true });
      }
      console.log("generated Prisma clients for sqlite and postgresql in lib/generated/");
      return;
    case "migrate": {
      const target = resolveDatabaseUrl(process.env.DATABASE_URL);
      await migrate(target);
      return;
    }
    case "new-migration":
    case "check": {
      if (cmd === "new-migration" && !/^[a-z0-9_]+$/.test(arg ?? "")) throw new Error("usage: db.ts new-migration <snake_case_name>");
      const drift: string[] = [];
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      for (const p of ["sqlite", "postgresql"] as const) {
        const sql = await pendingSql(p);
        if (!sql) continue;
        if (cmd === "check") {
          drift.push(p);
          continue;
        }
        const dir = path.join(root, "prisma", p, "migrations", `${stamp}_${arg}`);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "migration.sql"), sql);
        const lock = path.join(root, "prisma", p, "migrations", "migration_lock.toml");
        if (!fs.existsSync(lock)) fs.writeFileSync(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${p}"\n`);
        fs.copyFileSync(path.join(root, "prisma", p, "schema.prisma"), snapshotPath(p));
        console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
      }
      if (drift.length) throw new Error(`the models and the committed ${drift.join(" and ")} migrations disagree: run npm run db:new-migration -- <name>`);
      if (cmd === "check") console.log("migrations match prisma/models.prisma on sqlite and postgresql");
      return;
    }
    default:
      throw new Error("usage: db.ts generate | migrate | new-migration <name> | check");
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    const msg = e instanceof DatabaseUrlError ? e.message : (e as Error).message;
    console.error(`factdeck: ${msg.split("\n")[0]}`);
    if (process.env.FACTDECK_DEBUG) console.error(e);
    process.exit(1);
  });
}
