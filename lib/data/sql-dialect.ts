import type { DbTx } from "../db";

/**
 * Which SQL dialect a client speaks. The raw reads are written once for both
 * where they can be; date arithmetic and JSON are not, so those reads branch
 * on this. Prisma's clients (and their transaction clients) carry the
 * provider they were generated for.
 */
export function sqlDialect(db: DbTx): "sqlite" | "postgresql" {
  const provider = (db as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`sqlDialect: unknown database provider ${String(provider)}`);
}
