import type { Precision } from "@/lib/content/schema";

/** Every question type the generator knows, in the order they are documented. */
export const QUESTION_TYPES = [
  "multiple-choice",
  "true-false",
  "typed-date",
  "short-answer",
  "cloze",
  "timeline",
  "matching",
  "according-to-whom",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type MatchPair = { left: string; right: string };

/**
 * The quote a question or card rests on, and the article it is in. For a
 * question or card about one field of a fact it is that field's evidence
 * (`lib/content/evidence.ts`): the sentence that states the answer, with
 * `step` saying in words how, when the sentence needs one ("'on Monday' —
 * Monday was 2 November 2020"). `outlet` is the outlet of that article.
 */
export type Citation = { slug: string; quote: string; outlet?: string; step?: string };

/**
 * One quiz question: the JSON contract printed by `npm run generate` and read
 * by other tools (see docs/question-bank.md).
 *
 * - `answer` is a string for single answers, the labels in order for
 *   `timeline`, and `{ left, right }` pairs for `matching`.
 * - `options` lists what the student picks from (multiple choice, true/false,
 *   according-to-whom with options, the shuffled events of a timeline).
 * - `left`/`right` are the two columns of a matching question.
 * - `answerKind`, `precision`, `date`, `part`, `yearOptional`, `numberValue`,
 *   `unit` tell the grader how to compare a typed answer.
 */
export type Question = {
  id: string;
  type: QuestionType;
  prompt: string;
  options?: string[];
  answer: string | string[] | MatchPair[];
  acceptedAnswers?: string[];
  /**
   * Typed text answers: forms of other corpus entities near an accepted
   * form. A misspelling is forgiven only when it is nearer to an accepted
   * form than to all of these; without the field none is (see `gradeAnswer`).
   */
  nearMisses?: string[];
  factIds: string[];
  sources: Citation[];
  explanation: string;
  /** What the question asks about: a fact field, a claim's party, an order, a pairing. */
  about: "when" | "who" | "where" | "number" | "claim" | "quote" | "order" | "date-event" | "person-role";
  answerKind?: "text" | "number" | "date";
  precision?: Precision;
  date?: string;
  part?: "early" | "mid" | "late";
  yearOptional?: boolean;
  numberValue?: number;
  unit?: string;
  left?: string[];
  right?: string[];
  /** For true/false: the true statement, shown after answering (a correct "False" says what is true). */
  trueStatement?: string;
  /**
   * A year or date the question shows that the articles do not print, each
   * as "Inferred date: … <reason>" (`withDateNotes`); also at the end of
   * `explanation`.
   */
  dateNotes?: string[];
};
