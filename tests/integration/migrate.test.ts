import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { migrate } from "../../scripts/db";
import { availableProviders, emptyDatabase } from "./helpers/test-db";

const EXPECTED_TABLES = ["Account", "Assignment", "Card", "CardState", "ClassMember", "Classroom", "CorpusVersion", "Deck", "DeckCard", "Entity", "Fact", "FactSource", "QuizAnswer", "QuizAttempt", "RateLimit", "ReviewLog", "Session", "Source", "StudySettings", "User", "Verification"];

describe.each(availableProviders())("migrations on %s", (provider) => {
  it("migrate a brand-new database from zero, apply every committed migration once, and leave the schema usable", async () => {
    const { target, drop } = await emptyDatabase(provider);
    try {
      await migrate(target, true);
      // Running it again is a no-op, not an error.
      await migrate(target, true);
      const db = createDb(target);
      try {
        const tables: { name: string }[] =
          provider === "sqlite"
            ? await db.$queryRawUnsafe(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
            : await db.$queryRawUnsafe(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
        const names = tables.map((t) => t.name);
        for (const t of EXPECTED_TABLES) expect(names).toContain(t);

        const dirs = fs
          .readdirSync(path.join("prisma", provider, "migrations"), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
          .sort();
        const applied: { migration_name: string }[] = await db.$queryRawUnsafe(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
        );
        expect(applied.map((r) => r.migration_name)).toEqual(dirs);

        // A write and a read through the generated client on the migrated schema.
        await db.deck.create({ data: { id: "probe", title: "Probe", description: "d", position: 0, contentHash: "h" } });
        expect(await db.deck.findUnique({ where: { id: "probe" }, select: { title: true } })).toEqual({ title: "Probe" });
      } finally {
        await db.$disconnect();
      }
    } finally {
      await drop();
    }
  });
});
