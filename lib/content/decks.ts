import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { factTagSchema, idSchema, type Fact } from "./schema";

export const deckSchema = z
  .object({
    id: idSchema,
    title: z.string().min(3),
    description: z.string().min(10),
    tags: z.array(factTagSchema).min(1),
  })
  .strict();
export type DeckDefinition = z.infer<typeof deckSchema>;

const deckFileSchema = z.object({ decks: z.array(deckSchema).min(1) }).strict();

/** Reads and validates `<dir>/decks.yaml`; throws with every problem listed. */
export function loadDecks(dir: string): DeckDefinition[] {
  const file = path.join(dir, "decks.yaml");
  const parsed = deckFileSchema.safeParse(parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const ids = parsed.data.decks.map((d) => d.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`${file}: deck id "${dup}" is used twice`);
  return parsed.data.decks;
}

/** The facts a deck holds: those carrying any of its tags, in corpus order. */
export function factsOfDeck(deck: DeckDefinition, facts: readonly Fact[]): Fact[] {
  return facts.filter((f) => f.tags.some((t) => deck.tags.includes(t)));
}
