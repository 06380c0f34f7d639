import { Invalid } from "@/lib/errors";

/**
 * Thrown by `generate` and `assembleQuiz` for options that cannot be honoured:
 * an unknown question type, a count that is not a whole number between 1 and
 * `MAX_COUNT`, an unknown fact id or tag (400). `issues` lists every problem found.
 */
export class InvalidGenerateOptions extends Invalid {
  override name = "InvalidGenerateOptions";
  constructor(readonly issues: string[]) {
    super(`Invalid generate options: ${issues.join("; ")}`);
  }
}
