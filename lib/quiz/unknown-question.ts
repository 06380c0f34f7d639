import { Invalid } from "@/lib/errors";

const NOT_IN_QUIZ = "That question is not part of this quiz.";

/** Thrown when an answer names a question that is not in the attempt's snapshot (400, on `questionId`). */
export class UnknownQuestion extends Invalid {
  override name = "UnknownQuestion";
  constructor(readonly questionId: string) {
    super(NOT_IN_QUIZ, { questionId: NOT_IN_QUIZ });
  }
}
