/**
 * Thrown when report input breaks a stated precondition (a score outside
 * 0..1, a negative duration). Reports are computed from stored rows, so this
 * means a bug upstream, not a person's typo: `issues` lists every problem.
 */
export class InvalidReportInput extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid report input: ${issues.join("; ")}`);
    this.name = "InvalidReportInput";
    this.issues = issues;
  }
}
