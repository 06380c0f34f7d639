import { givesAway, prepareForGiveaway } from "./giveaway";
import type { GiveawayLinks } from "./giveaway-links";
import type { Question } from "./question";
import type { Rng } from "./seeded-rng";

/**
 * Picks up to `count` questions, balanced over types and facts: types take
 * turns in a seeded order, and each turn takes the type's next question (in
 * seeded order) whose facts have been used least so far. With
 * `avoidGiveaways`, a question that gives away (or is given away by) one
 * already picked is skipped (see `givesAway`), and so is one whose fact is in
 * the giveaway group of a picked question's fact (`links`, see
 * `giveawayLinks`). Terminates: every turn either removes a question from
 * the pool or ends the loop. A type's second question over several facts
 * waits until every other type has run out, so that one timeline does not
 * follow another while single-fact questions are left.
 */
/** How many of a type's next unused candidates a turn compares. */
const WINDOW = 6;

export function selectBalanced(pool: Question[], count: number, rng: Rng, avoidGiveaways: boolean, links?: GiveawayLinks): Question[] {
  const byType = new Map<string, Question[]>();
  for (const q of pool) {
    const list = byType.get(q.type) ?? [];
    list.push(q);
    byType.set(q.type, list);
  }
  const queues = rng.shuffle([...byType.keys()].sort()).map((t) => rng.shuffle(byType.get(t) ?? []));
  const factUse = new Map<string, number>();
  const picked: Question[] = [];
  const blocked = new Set<string>();
  const prepared: ReturnType<typeof prepareForGiveaway>[] = [];
  const prepCache = new Map<Question, ReturnType<typeof prepareForGiveaway>>();
  const prep = (q: Question): ReturnType<typeof prepareForGiveaway> => {
    let p = prepCache.get(q);
    if (!p) {
      p = prepareForGiveaway(q);
      prepCache.set(q, p);
    }
    return p;
  };
  // How many other questions each one would shut out of the quiz (shared fact, giveaway, giveaway
  // group): a turn prefers, among its next few candidates, the one that shuts out fewest, so an
  // answer printed in many stems ("Vladimir Putin") does not empty the quiz early.
  const degree = avoidGiveaways ? conflictDegrees(pool, prep, links) : new Map<Question, number>();
  const typeCount = new Map<string, number>();
  while (picked.length < count) {
    let progress = false;
    for (const queue of queues) {
      if (picked.length >= count) break;
      let best = -1;
      let bestUse = Infinity;
      let bestDegree = Infinity;
      let looked = 0;
      // A second question over several facts (a timeline, a matching, a paired account) of a type
      // waits until the other types run out: each takes four to six facts out of the quiz.
      const waits = (x: Question): boolean => x.factIds.length > 1 && (typeCount.get(x.type) ?? 0) >= 1;
      const others = queues.some((o) => o !== queue && o.some((x) => !waits(x)));
      for (let i = 0; i < queue.length; i++) {
        const q = queue[i] as Question;
        if (others && waits(q)) continue;
        let use = 0;
        for (const f of q.factIds) use = Math.max(use, factUse.get(f) ?? 0);
        if (use > bestUse) continue;
        if (avoidGiveaways) {
          const p = prep(q);
          if (q.factIds.some((f) => blocked.has(f)) || prepared.some((o) => givesAway(o, p))) {
            queue.splice(i, 1);
            i--;
            // The pool shrank: another round may let a waiting question in.
            progress = true;
            continue;
          }
        }
        const d = degree.get(q) ?? 0;
        if (use < bestUse || d < bestDegree) {
          best = i;
          bestUse = use;
          bestDegree = d;
        }
        // Among the next few unused candidates in seeded order: the quiz still varies with the seed.
        if (use === 0 && ++looked >= WINDOW) break;
      }
      if (best < 0) continue;
      const [q] = queue.splice(best, 1);
      if (!q) continue;
      picked.push(q);
      typeCount.set(q.type, (typeCount.get(q.type) ?? 0) + 1);
      if (avoidGiveaways) {
        prepared.push(prep(q));
        for (const f of q.factIds) for (const g of links?.get(f) ?? []) blocked.add(g);
      }
      for (const f of q.factIds) factUse.set(f, (factUse.get(f) ?? 0) + 1);
      progress = true;
    }
    if (!progress) break;
  }
  return picked;
}

/**
 * For each question, how many others it cannot share a quiz with: a common
 * or linked fact (`links`), or one printing the other's answer (`givesAway`).
 * Pairs are found through indexes (fact → questions, printed phrase →
 * questions), not by trying every pair.
 */
function conflictDegrees(pool: Question[], prep: (q: Question) => ReturnType<typeof prepareForGiveaway>, links?: GiveawayLinks): Map<Question, number> {
  const n = pool.length;
  const pairs = new Set<number>();
  const mark = (i: number, j: number): void => {
    if (i !== j) pairs.add(i < j ? i * n + j : j * n + i);
  };
  const byFact = new Map<string, number[]>();
  pool.forEach((q, i) => {
    for (const f of q.factIds) byFact.set(f, [...(byFact.get(f) ?? []), i]);
  });
  pool.forEach((q, i) => {
    for (const f of q.factIds) {
      for (const g of [f, ...(links?.get(f) ?? [])]) for (const j of byFact.get(g) ?? []) mark(i, j);
    }
  });
  const preps = pool.map(prep);
  const forms = new Set(preps.flatMap((p) => p.forms));
  const longest = Math.max(1, ...[...forms].map((f) => f.split(" ").length));
  const shownIn = new Map<string, number[]>();
  preps.forEach((p, i) => {
    const words = p.text.trim().split(/\s+/);
    const seen = new Set<string>();
    for (let a = 0; a < words.length; a++) {
      let gram = "";
      for (let k = a; k < Math.min(words.length, a + longest); k++) {
        gram = k === a ? (words[k] ?? "") : `${gram} ${words[k]}`;
        if (forms.has(gram) && !seen.has(gram)) {
          seen.add(gram);
          shownIn.set(gram, [...(shownIn.get(gram) ?? []), i]);
        }
      }
    }
  });
  preps.forEach((p, j) => {
    for (const f of p.forms) for (const i of shownIn.get(f) ?? []) mark(i, j);
  });
  const out = new Map<Question, number>();
  for (const key of pairs) {
    const a = pool[Math.floor(key / n)] as Question;
    const b = pool[key % n] as Question;
    out.set(a, (out.get(a) ?? 0) + 1);
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}
