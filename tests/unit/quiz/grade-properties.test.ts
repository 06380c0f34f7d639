import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corpusIndexOf } from "@/lib/generate/corpus-cache";
import { generate } from "@/lib/generate/generate";
import type { Question } from "@/lib/generate/question";
import { gradeAnswer } from "@/lib/quiz/grade";
import { normalizeAnswer } from "@/lib/quiz/answers-text";
import { contentCorpus } from "@/tests/unit/generate/corpora";

/**
 * The grader against the real bank, over many seeds: every key and every
 * accepted form grades right; no other corpus entity's name does; a
 * one-letter slip in a long name is forgiven.
 */
const corpus = contentCorpus();
const ix = corpusIndexOf(corpus);
const TYPED = new Set(["typed-date", "short-answer", "cloze", "according-to-whom"]);
const typedOf = (qs: Question[]): Question[] => qs.filter((q) => TYPED.has(q.type) && !q.options && typeof q.answer === "string");

/** Every misgrading of the bank's typed questions, as readable lines (empty: none). */
function misgradings(questions: Question[], label: string): string[] {
  const bad: string[] = [];
  for (const q of typedOf(questions)) {
    const where = `${label} ${q.id}: ${q.prompt}`;
    for (const form of [q.answer as string, ...(q.acceptedAnswers ?? [])]) {
      if (!gradeAnswer(q, form).correct) bad.push(`${where} ✗ its own form ${form}`);
    }
    if (q.answerKind !== "text") continue;
    const accepted = new Set([q.answer as string, ...(q.acceptedAnswers ?? [])].map(normalizeAnswer));
    for (const [id, forms] of ix.forms) {
      if (forms.some((f) => accepted.has(normalizeAnswer(f)))) continue;
      for (const f of forms) if (gradeAnswer(q, f).correct) bad.push(`${where} ✓ another entity's ${f} (${id})`);
    }
  }
  return bad;
}

/** The key with one inner letter changed: "Pashinyan" → "Pashinxan". */
function slip(key: string): string {
  const letters = [...key].map((c, i) => ({ c, i })).filter(({ c }) => /\p{L}/u.test(c));
  const at = letters[Math.floor(letters.length / 2)]?.i ?? 0;
  const c = key[at] ?? "a";
  return `${key.slice(0, at)}${c.toLowerCase() === "x" ? "q" : "x"}${key.slice(at + 1)}`;
}

describe("grading the real bank", () => {
  it("keys and accepted forms grade right, other entities' names wrong, for seeds 1–3", () => {
    const bad: string[] = [];
    for (let seed = 1; seed <= 3; seed++) bad.push(...misgradings(generate(corpus, { seed }).questions, `seed ${seed}`));
    expect(bad).toEqual([]);
  });

  it("the same holds for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 1_000_000 }), (seed) => {
        expect(misgradings(generate(corpus, { seed }).questions, `seed ${seed}`)).toEqual([]);
      }),
      { numRuns: 3 },
    );
  });

  it("a one-letter slip in a long name (9+ letters) is forgiven", () => {
    let checked = 0;
    for (const q of typedOf(generate(corpus, { seed: 1 }).questions)) {
      if (q.answerKind !== "text") continue;
      const key = q.answer as string;
      if (normalizeAnswer(key).replace(/[^\p{L}]/gu, "").length < 9) continue;
      checked++;
      expect(gradeAnswer(q, slip(key)), `${q.id}: ${key} → ${slip(key)}`).toMatchObject({ correct: true });
    }
    expect(checked).toBeGreaterThan(20);
  });
});
