import type { Entity, Fact } from "@/lib/content/schema";
import type { CorpusIndex } from "./corpus-index";

/**
 * Whether a person is a plausible wrong option for a fact: someone the
 * articles show in a role in the fact's year (Wang Yi, met in September
 * 2023, is no option for a 2020 call a student would weigh), and — for a
 * signed agreement whose signatory is a head of state or government — a
 * head of state or government too (a spokesman does not sign a leaders'
 * statement). Anything that is not
 * a person is judged elsewhere.
 */
export function plausiblePersonOption(ix: CorpusIndex, fact: Fact, answerId: string, candidateId: string): boolean {
  const c = ix.entityById.get(candidateId);
  if (!c || c.type !== "person") return true;
  const year = factYear(ix, fact);
  if (year !== null && c.roles.length > 0 && !c.roles.some((r) => (r.from ?? "0000").slice(0, 4) <= year && year <= (r.to ?? "9999").slice(0, 4))) return false;
  const a = ix.entityById.get(answerId);
  if (SIGNED.has(fact.kind) && a?.type === "person" && isLeader(a) && !isLeader(c)) return false;
  return true;
}

const SIGNED = new Set<Fact["kind"]>(["agreement", "treaty"]);
const LEADER = /^(?:acting\s+)?(?:president|prime minister)\b/i;

function isLeader(e: Entity): boolean {
  return e.roles.some((r) => LEADER.test(r.title));
}

/** The fact's year: its date's, else its first article's. */
function factYear(ix: CorpusIndex, fact: Fact): string | null {
  if (fact.when) return fact.when.date.slice(0, 4);
  const src = fact.sources[0] ? ix.sourceBySlug.get(fact.sources[0].source) : undefined;
  return src?.published.date.slice(0, 4) ?? null;
}
