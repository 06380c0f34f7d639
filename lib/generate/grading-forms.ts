import { typoAllowance, editDistance } from "@/lib/quiz/answer-typos";
import { echoesQuestion } from "@/lib/quiz/answer-echo";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import type { CorpusIndex } from "./corpus-index";
import type { Question } from "./question";

/** Normalised form → ids of the entities that have it (name, alias, surname). */
function formOwners(ix: CorpusIndex): Map<string, Set<string>> {
  const key = "grading-forms\u0000owners";
  const hit = ix.memo.get(key) as Map<string, Set<string>> | undefined;
  if (hit) return hit;
  const out = new Map<string, Set<string>>();
  for (const [id, forms] of ix.forms) {
    for (const f of forms) {
      const n = normalizeAnswer(f);
      if (!n) continue;
      const set = out.get(n) ?? new Set<string>();
      set.add(id);
      out.set(n, set);
    }
  }
  ix.memo.set(key, out);
  return out;
}

/**
 * What a typed text question needs to be graded as a teacher would, set on
 * the question itself so that `gradeAnswer(question, response)` needs
 * nothing else:
 *
 * - a blank that asks for an institution is never filled by a place: when a
 *   cloze key is printed as an organisation's or person's form that no place
 *   has ("outside the _____ building" → "Armenian government"), the forms it
 *   shares with places ("Yerevan", "Armenia", metonyms of the government)
 *   are not accepted. A key printed as a place ("_____ voiced support for
 *   Baku" → "Ankara") keeps the metonym's forms: the sentence itself uses
 *   the place for the government.
 * - a descriptive form that echoes the stem (`echoesQuestion`) is dropped.
 * - `nearMisses`: the forms of every other corpus entity within twice the
 *   typo allowance of an accepted form. A misspelling of the key is
 *   forgiven only when it is nearer to the key than to all of these, and
 *   no form farther away can be nearer to a forgiven misspelling.
 */
export function withGradingForms(ix: CorpusIndex, q: Question): Question {
  const answer = q.answer;
  if (q.answerKind !== "text" || typeof answer !== "string" || q.options) return q;
  const owners = formOwners(ix);
  const isPlaceForm = (n: string): boolean => [...(owners.get(n) ?? [])].some((id) => ix.entityById.get(id)?.type === "place");
  const key = normalizeAnswer(answer);
  let accepted = q.acceptedAnswers ?? [answer];
  // A descriptive form that only echoes the stem ("the disputed region" for "Over which disputed
  // region …?") says nothing the student was not told: not an answer to this question.
  accepted = accepted.filter((f) => normalizeAnswer(f) === key || !echoesQuestion(q, f));
  if (q.type === "cloze" && !isPlaceForm(key)) accepted = accepted.filter((f) => normalizeAnswer(f) === key || !isPlaceForm(normalizeAnswer(f)));
  return { ...q, acceptedAnswers: accepted, nearMisses: nearMisses(ix, owners, [answer, ...accepted]) };
}

/** Other entities' forms near any of `accepted` (memoised: banks repeat the same accepted lists). */
function nearMisses(ix: CorpusIndex, owners: Map<string, Set<string>>, accepted: string[]): string[] {
  const acceptedNorm = [...new Set(accepted.map(normalizeAnswer).filter(Boolean))].sort();
  const key = `grading-forms\u0000near\u0000${acceptedNorm.join("\u0000")}`;
  const hit = ix.memo.get(key) as string[] | undefined;
  if (hit) return [...hit];
  const near: string[] = [];
  for (const other of owners.keys()) {
    if (acceptedNorm.includes(other)) continue;
    if (acceptedNorm.some((a) => editDistance(a, other) <= 2 * typoAllowance(a))) near.push(other);
  }
  near.sort();
  ix.memo.set(key, near);
  return [...near];
}
