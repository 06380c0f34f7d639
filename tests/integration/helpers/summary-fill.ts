/** The fill statement of one migration that makes a summary the database keeps (scripts/db.ts `summaryFills`). */
import { expect } from "vitest";
import type { Provider } from "./test-db";
import { summaryFills } from "@/scripts/db";

export function fillStatement(provider: Provider, migration: string): string {
  const fills = summaryFills(provider).filter((f) => f.migration === migration);
  expect(fills).toHaveLength(1);
  return fills[0]!.sql;
}
