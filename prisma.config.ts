import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./lib/db-url";
import { migrationAdapter } from "./prisma/migration-adapter";

// The provider follows DATABASE_URL: each has its own schema header and its own
// migration history under prisma/<provider>/ (the models are shared, see prisma/models.prisma).
const target = resolveDatabaseUrl(process.env.DATABASE_URL);
const dir = path.join("prisma", target.provider);

export default defineConfig({
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => migrationAdapter(target),
});
