import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkMigrations, newMigration, snapshotFile, snapshotFor } from "@/scripts/db";
import { PROVIDERS, schemaFor } from "@/scripts/db-schema";

// `db:new-migration` and `db:check` on a temporary copy of prisma/ (the real
// one is never written): the Prisma CLI still runs from the repository, the
// models, schemas, snapshot and migrations come from the copy. Each diff
// spawns the Prisma CLI against a scratch database, hence the long timeouts.

const repo = path.resolve(__dirname, "../..");
let project: string;
const savedPgUrl = process.env.MIGRATION_POSTGRES_URL;

/** The migration folders of a provider in the copy. */
const migrationDirs = (provider: string) =>
  fs
    .readdirSync(path.join(project, "prisma", provider, "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "factdeck-newmig-"));
  fs.cpSync(path.join(repo, "prisma"), path.join(project, "prisma"), { recursive: true });
  // The scratch PostgreSQL database goes to the server the integration run found.
  const admin = inject("pgAdminUrl");
  if (admin) process.env.MIGRATION_POSTGRES_URL = admin;
});

afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
  if (savedPgUrl === undefined) delete process.env.MIGRATION_POSTGRES_URL;
  else process.env.MIGRATION_POSTGRES_URL = savedPgUrl;
});

describe("db:new-migration", () => {
  it("says there is nothing to do on the committed models, and writes nothing", async () => {
    const before = PROVIDERS.map(migrationDirs);
    const result = await newMigration(project, "nothing", new Date("2026-12-01T10:00:00Z"));
    expect(result).toEqual({ schemasWritten: [], migrations: [] });
    expect(PROVIDERS.map(migrationDirs)).toEqual(before);
  }, 120_000);

  it("after an edit to models.prisma alone, regenerates both provider schemas and writes both migrations", async () => {
    const modelsPath = path.join(project, "prisma", "models.prisma");
    const models = fs.readFileSync(modelsPath, "utf8");
    const edited = models.replace(/^model Deck \{\n/m, "model Deck {\n  probeNote String?\n");
    expect(edited).not.toBe(models);
    fs.writeFileSync(modelsPath, edited);

    // Before the migration: check names both the stale schemas and the missing migrations.
    const problems = await checkMigrations(project);
    expect(problems.filter((p) => /schema\.prisma is out of date/.test(p))).toHaveLength(2);
    expect(problems.some((p) => /sqlite and postgresql migrations disagree/.test(p))).toBe(true);

    const before = PROVIDERS.map(migrationDirs);
    const result = await newMigration(project, "deck_probe_note", new Date("2026-12-01T10:00:00Z"));
    expect(result.schemasWritten.sort()).toEqual(["prisma/postgresql/schema.prisma", "prisma/sqlite/schema.prisma"]);
    expect(result.migrations.sort()).toEqual([
      "prisma/postgresql/migrations/20261201100000_deck_probe_note/migration.sql",
      "prisma/sqlite/migrations/20261201100000_deck_probe_note/migration.sql",
    ]);
    for (const [i, provider] of PROVIDERS.entries()) {
      expect(fs.readFileSync(path.join(project, "prisma", provider, "schema.prisma"), "utf8")).toBe(schemaFor(provider, edited));
      expect(migrationDirs(provider)).toEqual([...before[i]!, "20261201100000_deck_probe_note"].sort());
      const sql = fs.readFileSync(path.join(project, result.migrations.find((m) => m.startsWith(`prisma/${provider}/`))!), "utf8");
      expect(sql).toMatch(/ALTER TABLE "Deck" ADD COLUMN\s+"probeNote" TEXT/);
    }
    // One snapshot, moved up to the edited models; the per-provider copies stay gone.
    expect(fs.readFileSync(snapshotFile(project), "utf8")).toBe(snapshotFor(edited));
    for (const provider of PROVIDERS) expect(fs.existsSync(path.join(project, "prisma", provider, "migrations", "models-at-last-migration.prisma"))).toBe(false);

    // And now everything is in step again.
    expect(await checkMigrations(project)).toEqual([]);
  }, 180_000);

  it("refuses a name that is not snake_case before writing anything", async () => {
    await expect(newMigration(project, "Bad Name", new Date("2026-12-01T12:00:00Z"))).rejects.toThrow(/snake_case/);
  });
});
