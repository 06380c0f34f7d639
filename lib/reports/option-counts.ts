import { normalizeAnswer } from "@/lib/quiz/answers-text";

/** What option counting reads of a question as shown (a stored snapshot's question). */
export type ChoiceQuestionLike = { id: string; type: string; options?: readonly string[]; answer: unknown };

export type OptionCount = { option: string; correct: boolean; count: number };

/** How a class answered one choice question: the distractor analysis. */
export type OptionCounts = {
  questionId: string;
  /** Every option in the order shown, the key marked, with how many chose it. */
  options: OptionCount[];
  /** Answers that name no option (should not happen: the grader refuses them). */
  other: number;
  /** Students shown the question who never answered it (after "Stop here" or time up). */
  unanswered: number;
  /** Students who answered it (the options' counts and `other` add up to this). */
  answered: number;
};

const TRUE_FALSE = ["True", "False"] as const;

/**
 * A question is a choice question when the student picks one of a fixed
 * list: true/false (the list is True, False) and any question with options
 * and a single answer (multiple choice, according-to-whom with options).
 */
export function choiceOptions(q: ChoiceQuestionLike): readonly string[] | null {
  if (q.type === "true-false") return TRUE_FALSE;
  if (typeof q.answer === "string" && q.options && q.options.length > 0) return q.options;
  return null;
}

/** The option a stored response picked, as `gradeAnswer` reads it (an index, the option's text, true/false), or null. */
export function chosenOption(q: ChoiceQuestionLike, options: readonly string[], response: unknown): string | null {
  if (q.type === "true-false") {
    if (typeof response === "boolean") return response ? "True" : "False";
    if (typeof response !== "string") return null;
    const n = normalizeAnswer(response);
    if (["true", "t", "yes", "y"].includes(n)) return "True";
    if (["false", "f", "no", "n"].includes(n)) return "False";
    return null;
  }
  if (typeof response === "number" && Number.isInteger(response)) return options[response] ?? null;
  if (typeof response !== "string") return null;
  const n = normalizeAnswer(response);
  return options.find((o) => normalizeAnswer(o) === n) ?? null;
}

/**
 * Per-option counts for every choice question put to the class: for each
 * attempt, each choice question it showed counts once — under the option
 * picked, under `other` for a response naming none, or as `unanswered` when
 * no answer was given. The key is the option equal to the question's answer
 * (after `normalizeAnswer`). Questions in first-seen order; the options in
 * the order of the first snapshot that showed the question.
 */
export function optionCounts(
  attempts: readonly { questions: readonly ChoiceQuestionLike[]; answers: readonly { questionId: string; response: unknown }[] }[],
): OptionCounts[] {
  const out = new Map<string, OptionCounts & { q: ChoiceQuestionLike; list: readonly string[] }>();
  for (const attempt of attempts) {
    const given = new Map(attempt.answers.map((a) => [a.questionId, a.response]));
    for (const q of attempt.questions) {
      let row = out.get(q.id);
      if (!row) {
        const list = choiceOptions(q);
        if (!list) continue;
        const key = typeof q.answer === "string" ? normalizeAnswer(q.answer) : null;
        row = { questionId: q.id, options: list.map((option) => ({ option, correct: normalizeAnswer(option) === key, count: 0 })), other: 0, unanswered: 0, answered: 0, q, list };
        out.set(q.id, row);
      }
      if (!given.has(q.id)) {
        row.unanswered += 1;
        continue;
      }
      row.answered += 1;
      const picked = chosenOption(row.q, row.list, given.get(q.id));
      const slot = picked === null ? undefined : row.options.find((o) => o.option === picked);
      if (slot) slot.count += 1;
      else row.other += 1;
    }
  }
  return [...out.values()].map(({ questionId, options, other, unanswered, answered }) => ({ questionId, options, other, unanswered, answered }));
}
