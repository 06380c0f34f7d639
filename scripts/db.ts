/**
 * Database commands that work offline on both providers.
 *
 *   tsx scripts/db.ts generate          generate the Prisma clients for SQLite and PostgreSQL
 *   tsx scripts/db.ts migrate           apply committed migrations to DATABASE_URL (default: SQLite in data/)
 *   tsx scripts/db.ts new-migration N   regenerate prisma/<provider>/schema.prisma, then write migration N
 *                                       for BOTH providers from prisma/models.prisma ("no changes" if none)
 *   tsx scripts/db.ts check             exit 1 if the provider schemas or committed migrations lag the models
 *
 * Failures print one line naming the cause and exit non-zero.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DatabaseUrlError, resolveDatabaseUrl, type DatabaseTarget } from "../lib/db-url";
import { PROVIDERS, modelsFile, schemaFor, writeSchemas } from "./db-schema";
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

/**
 * The fill statements of the summaries the database keeps (docs/ARCHITECTURE.md,
 * "A summary the database keeps"): in each migration, the one statement after a
 * `-- Fill:` line, oldest migration first. A bulk load that turns triggers off
 * (bench:scale on PostgreSQL) runs them after loading; the tests run them to
 * check a fill against the triggers. Every fill starts from an empty table.
 */
export function summaryFills(provider: DatabaseTarget["provider"], project = root): { migration: string; sql: string }[] {
  const dir = path.join(project, "prisma", provider, "migrations");
  const out: { migration: string; sql: string }[] = [];
  for (const migration of fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "migration.sql"))).sort()) {
    const text = fs.readFileSync(path.join(dir, migration, "migration.sql"), "utf8");
    for (let at = text.indexOf("-- Fill:"); at !== -1; at = text.indexOf("-- Fill:", at + 1)) {
      const from = text.indexOf("INSERT INTO", at);
      out.push({ migration, sql: text.slice(from, text.indexOf(";", from)) });
    }
  }
  return out;
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

/**
 * The models as of the newest committed migration, one file for both
 * providers: every migration is written for both at once, so the providers
 * always share the same last models (a provider with no SQL for a change had
 * nothing to do, which leaves its history in step with the snapshot too).
 */
export const snapshotFile = (project: string) => path.join(project, "prisma", "models-at-last-migration.prisma");

/** The snapshot's text for `models`: a header saying what it is, then the models unchanged. */
export function snapshotFor(models: string): string {
  return `// SNAPSHOT written by npm run db:new-migration: prisma/models.prisma as of the newest\n// migration, which the next migration is diffed from. Do not edit.\n${models}`;
}

/**
 * The SQL that takes the newest committed migration of `provider` to the
 * current models of `project`, or "" when there is nothing to do. Prisma
 * 6.19's JS engine can neither diff from a live database nor use a PostgreSQL
 * shadow database (see prisma/migration-adapter.ts), so the models as of the
 * last migration are kept beside the models and diffed against the current
 * ones, both wrapped in the provider's header in a scratch folder (so a stale
 * prisma/<provider>/schema.prisma cannot hide a change); the engine still
 * needs a reachable database of the provider, so a scratch one is made.
 */
async function pendingSql(provider: DatabaseTarget["provider"], project: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-diff-"));
  try {
    const to = path.join(dir, "to.prisma");
    fs.writeFileSync(to, schemaFor(provider, fs.readFileSync(modelsFile(project), "utf8")));
    let from = ["--from-empty"];
    if (fs.existsSync(snapshotFile(project))) {
      fs.writeFileSync(path.join(dir, "from.prisma"), schemaFor(provider, fs.readFileSync(snapshotFile(project), "utf8")));
      from = ["--from-schema-datamodel", path.join(dir, "from.prisma")];
    }
    return await withScratch(provider, async (t) => {
      const out = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], t.url, { quiet: true });
      const sql = out.split("\n").filter((l) => !/^(Loaded Prisma config|Prisma config detected|Prisma schema loaded|Datasource "db"|WARNING:|- url$|The values from your schema|We recommend you to remove)/.test(l)).join("\n").trim();
      return /^-- This is an empty migration\.?$/.test(sql) || sql === "" ? "" : `${sql}\n`;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What `newMigration` did, paths relative to the project. */
export type NewMigrationResult = { schemasWritten: string[]; migrations: string[] };

/**
 * `db:new-migration`: first rewrites prisma/<provider>/schema.prisma from
 * prisma/models.prisma (before this step, an edit to the models with stale
 * provider schemas produced no migration and no message), then writes
 * `<stamp>_<name>/migration.sql` for each provider whose SQL changes, and
 * moves the snapshot up to the current models. `migrations` is empty when
 * the models match the last migration.
 */
export async function newMigration(project: string, name: string, now: Date): Promise<NewMigrationResult> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("usage: db.ts new-migration <snake_case_name>");
  const schemasWritten = writeSchemas(project);
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const migrations: string[] = [];
  for (const p of PROVIDERS) {
    const sql = await pendingSql(p, project);
    if (!sql) continue;
    const migrationsDir = path.join(project, "prisma", p, "migrations");
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    if (fs.existsSync(dir)) throw new Error(`${path.relative(project, dir)} already exists`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${p}"\n`);
    migrations.push(path.relative(project, path.join(dir, "migration.sql")));
  }
  if (migrations.length) fs.writeFileSync(snapshotFile(project), snapshotFor(fs.readFileSync(modelsFile(project), "utf8")));
  return { schemasWritten, migrations };
}

/**
 * `db:check`: the problems that would make a fresh database disagree with
 * prisma/models.prisma — a provider schema not regenerated, or a provider
 * whose committed migrations lack a change. Empty when all is in step.
 */
export async function checkMigrations(project: string): Promise<string[]> {
  const problems = writeSchemas(project, { check: true }).map((f) => `${f} is out of date: run npm run db:schema`);
  const drift: string[] = [];
  for (const p of PROVIDERS) if (await pendingSql(p, project)) drift.push(p);
  if (drift.length) problems.push(`the models and the committed ${drift.join(" and ")} migrations disagree: run npm run db:new-migration -- <name>`);
  return problems;
}

async function main() {
  const [cmd, arg] = process.argv.slice(2);
  switch (cmd) {
    case "generate":
      generate();
      console.log("generated Prisma clients for sqlite and postgresql in lib/generated/");
      return;
    case "migrate": {
      const target = resolveDatabaseUrl(process.env.DATABASE_URL);
      await migrate(target);
      return;
    }
    case "new-migration": {
      const { schemasWritten, migrations } = await newMigration(root, arg ?? "", new Date());
      for (const f of schemasWritten) console.log(`wrote ${f}`);
      // The generated clients follow the schemas, or the code would typecheck against the old models.
      if (schemasWritten.length) {
        generate();
        console.log("regenerated the Prisma clients in lib/generated/");
      }
      for (const f of migrations) console.log(`wrote ${f}`);
      console.log(migrations.length ? `updated ${path.relative(root, snapshotFile(root))}` : "no changes: prisma/models.prisma matches the last migration on sqlite and postgresql");
      return;
    }
    case "check": {
      const problems = await checkMigrations(root);
      if (problems.length) throw new Error(problems.join("; "));
      console.log("migrations match prisma/models.prisma on sqlite and postgresql");
      return;
    }
    default:
      throw new Error("usage: db.ts generate | migrate | new-migration <name> | check");
  }
}

/** The Prisma clients for both providers, from prisma/<provider>/schema.prisma. */
function generate() {
  for (const p of PROVIDERS) {
    const url = p === "sqlite" ? "file:./data/generate.db" : "postgresql://generate@localhost:5432/generate";
    prisma(["generate", "--schema", `prisma/${p}/schema.prisma`], url, { quiet: true });
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
