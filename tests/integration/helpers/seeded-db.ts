/**
 * A migrated test database with the real corpus seeded and a few users:
 * the starting point of study and class tests.
 */
import { randomUUID } from "node:crypto";
import { loadDecks } from "@/lib/content/decks";
import { loadValidCorpus } from "@/lib/content/load";
import { seedCorpus, type SeedInput } from "@/lib/data/seed-corpus";
import { generateCards } from "@/lib/generate/cards";
import type { Db } from "@/lib/db";
import { testDb, type Provider, type TestDb } from "./test-db";

let cached: SeedInput | undefined;
export function corpusInput(): SeedInput {
  if (!cached) {
    const corpus = loadValidCorpus("content");
    cached = { corpus, cards: generateCards(corpus), decks: loadDecks("content") };
  }
  return cached;
}

export async function seededDb(provider: Provider): Promise<TestDb> {
  const t = await testDb(provider);
  await seedCorpus(corpusInput(), t.db);
  return t;
}

/** A user row (no password: tests that need sign-in use lib/auth). */
export async function makeUser(db: Db, over: { role?: "student" | "teacher"; name?: string } = {}) {
  const id = randomUUID();
  return db.user.create({
    data: { id, name: over.name ?? `User ${id.slice(0, 4)}`, email: `${id}@example.org`, role: over.role ?? "student" },
    select: { id: true, name: true, email: true, role: true },
  });
}
