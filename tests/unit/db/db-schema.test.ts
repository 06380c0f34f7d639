import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PROVIDERS, schemaFor } from "@/scripts/db-schema";
import { snapshotFor } from "@/scripts/db";

describe("provider schemas", () => {
  const models = fs.readFileSync("prisma/models.prisma", "utf8");
  it.each(PROVIDERS)("prisma/%s/schema.prisma is the header plus the shared models", (provider) => {
    expect(fs.readFileSync(`prisma/${provider}/schema.prisma`, "utf8")).toBe(schemaFor(provider, models));
  });
  it("the migration snapshot matches the models (a model change needs npm run db:new-migration)", () => {
    expect(fs.readFileSync("prisma/models-at-last-migration.prisma", "utf8")).toBe(snapshotFor(models));
  });
  it("there is one snapshot for both providers, not one per provider", () => {
    for (const provider of PROVIDERS) expect(fs.existsSync(`prisma/${provider}/migrations/models-at-last-migration.prisma`)).toBe(false);
  });
});
