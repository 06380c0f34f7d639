import type { Entity } from "./schema";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True when `stem` names `entity` by its name or an alias, as a whole word, case-insensitively. */
export function stemNames(stem: string, entity: Pick<Entity, "name" | "aliases">): boolean {
  return [entity.name, ...entity.aliases].some((n) => {
    const name = n.trim();
    if (name.length < 2) return false;
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "iu").test(stem);
  });
}

/**
 * The answer to a hand-written `ask.who` / `ask.where` stem: the fact's
 * `who` / `where` entities that the stem does not itself name. "With whom
 * did Putin hold the phone call …" over who = [pashinyan, putin] answers
 * [pashinyan]. Unknown ids are kept (validation reports them separately).
 */
export function askAnswerIds(stem: string, ids: readonly string[], entities: ReadonlyMap<string, Entity>): string[] {
  return ids.filter((id) => {
    const e = entities.get(id);
    return !e || !stemNames(stem, e);
  });
}
