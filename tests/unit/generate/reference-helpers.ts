import { generate } from "@/lib/generate/generate";
import type { Question, QuestionType } from "@/lib/generate/question";
import { smallCorpus } from "@/tests/fixtures/small-corpus";

/** The fixture bank of one type for seed 1, by id. */
export function bankOf(type: QuestionType, seed: number | string = 1): { byId: Map<string, Question>; available: number } {
  const r = generate(smallCorpus, { seed, types: [type] });
  return { byId: new Map(r.questions.map((q) => [q.id, q])), available: r.available };
}

export function pick(byId: Map<string, Question>, id: string): Pick<Question, "prompt" | "options" | "answer" | "factIds"> {
  const q = byId.get(id);
  if (!q) throw new Error(`no question ${id}`);
  return { prompt: q.prompt, options: q.options, answer: q.answer, factIds: q.factIds };
}
