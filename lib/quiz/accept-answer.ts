import { ARCHIVED_CLASS_MESSAGE } from "@/lib/classes/archived-class";
import { Conflict, Invalid } from "@/lib/errors";
import type { Question } from "@/lib/generate/question";
import { answerCredit } from "./answer-credit";
import { findQuestion } from "./find-question";
import { gradeAnswer, type GradeResult } from "./grade";
import { nextUnansweredIndex } from "./next-unanswered-index";
import type { QuizSnapshot } from "./quiz-snapshot";
import { sameResponse } from "./same-response";

/** What the attempt holds when an answer arrives. */
export type AnswerContext = {
  snapshot: QuizSnapshot;
  /** The answers stored so far, with their position in the order shown. */
  answers: readonly { questionId: string; position: number; response: unknown }[];
  finishedAt: Date | null;
  deadlineAt: Date | null;
  /** An assignment's attempt whose class is archived: read-only. */
  classArchived: boolean;
};

/** The verdict on one answer: the stored outcome again (`replay`), or a new answer to store (`record`). */
export type AnswerDecision =
  | { kind: "replay"; question: Question; index: number; grade: GradeResult; remaining: number }
  | {
      kind: "record";
      question: Question;
      index: number;
      grade: GradeResult;
      remaining: number;
      /** What to store: the response as sent, a blank typed answer as "". */
      response: unknown;
      /** The credit it earns, 0..1 (`answerCredit`). */
      partial: number;
    };

/** The shape check the grader leaves out for matching: each left item once, rights from the offered column. */
function matchingShapeProblem(q: Question, response: unknown): string | null {
  if (!Array.isArray(response)) return "Match every item.";
  const lefts = q.left ?? [];
  const rights = new Set(q.right ?? []);
  const given = response as { left?: unknown; right?: unknown }[];
  const seen = new Set<string>();
  for (const p of given) {
    if (typeof p?.left !== "string" || typeof p.right !== "string" || !lefts.includes(p.left) || !rights.has(p.right) || seen.has(p.left)) {
      return "Match each item on the left with one of the offered answers.";
    }
    seen.add(p.left);
  }
  return seen.size === lefts.length ? null : "Match every item.";
}

/**
 * Whether an answer to `questionId` is taken, the quiz answer rules in one
 * place, checked in this order:
 * 1. a question not in the snapshot is Invalid (`UnknownQuestion`);
 * 2. an answered question: the same response again is a `replay` of the
 *    stored outcome (its reply was lost), any other is a Conflict — the
 *    first answer counts;
 * 3. an archived class, a finished attempt, or `now` after the deadline is
 *    a Conflict;
 * 4. questions are answered in the order shown: any but the next open one
 *    is a Conflict;
 * 5. a response the grader cannot read (a matching answer of the wrong
 *    shape, a reason from `gradeAnswer`) is Invalid, so nobody is marked
 *    wrong for a format; a blank typed answer is taken and is wrong.
 */
export function acceptAnswer(ctx: AnswerContext, questionId: string, response: unknown, now: Date): AnswerDecision {
  const { question, index } = findQuestion(ctx.snapshot, questionId);
  const total = ctx.snapshot.questions.length;
  const stored = ctx.answers.find((a) => a.questionId === question.id);
  if (stored) {
    if (!sameResponse(stored.response, response)) throw new Conflict("This question was already answered; the first answer counts.");
    return { kind: "replay", question, index: stored.position, grade: gradeAnswer(question, stored.response), remaining: total - stored.position - 1 };
  }
  if (ctx.classArchived) throw new Conflict(ARCHIVED_CLASS_MESSAGE);
  if (ctx.finishedAt) throw new Conflict("This quiz is finished; answers can no longer be changed.");
  if (ctx.deadlineAt && now.getTime() > ctx.deadlineAt.getTime()) {
    throw new Conflict("Time is up for this quiz: answers are no longer accepted. It was finished when the time ran out.");
  }
  const next = nextUnansweredIndex(ctx.snapshot, ctx.answers);
  if (next !== index) throw new Conflict(`Answer question ${(next ?? -1) + 1} first.`);

  const blank = typeof response === "string" && response.trim() === "";
  if (question.type === "matching" && !blank) {
    const problem = matchingShapeProblem(question, response);
    if (problem) throw new Invalid(problem, { response: problem });
  }
  const grade = gradeAnswer(question, blank ? "" : response);
  if (!grade.correct && grade.reason && !blank) {
    const msg = `Your answer could not be read: ${grade.reason}.`;
    throw new Invalid(msg, { response: msg });
  }
  const answered = new Set(ctx.answers.map((a) => a.questionId)).size;
  return { kind: "record", question, index, grade, remaining: total - answered - 1, response: blank ? "" : response, partial: answerCredit(grade) };
}
