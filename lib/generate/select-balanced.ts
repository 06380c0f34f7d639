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
 * the pool or ends the loop.
 */
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
  while (picked.length < count) {
    let progress = false;
    for (const queue of queues) {
      if (picked.length >= count) break;
      let best = -1;
      let bestUse = Infinity;
      for (let i = 0; i < queue.length; i++) {
        const q = queue[i] as Question;
        let use = 0;
        for (const f of q.factIds) use = Math.max(use, factUse.get(f) ?? 0);
        if (use >= bestUse) continue;
        if (avoidGiveaways) {
          const p = prep(q);
          if (q.factIds.some((f) => blocked.has(f)) || prepared.some((o) => givesAway(o, p))) {
            queue.splice(i, 1);
            i--;
            continue;
          }
        }
        best = i;
        bestUse = use;
        if (use === 0) break;
      }
      if (best < 0) continue;
      const [q] = queue.splice(best, 1);
      if (!q) continue;
      picked.push(q);
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
