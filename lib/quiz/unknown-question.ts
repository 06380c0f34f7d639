/** Thrown when an answer names a question that is not in the attempt's snapshot. */
export class UnknownQuestion extends Error {
  readonly questionId: string;
  constructor(questionId: string) {
    super(`Question ${questionId} is not part of this quiz`);
    this.name = "UnknownQuestion";
    this.questionId = questionId;
  }
}
