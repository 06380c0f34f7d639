import { AppError } from "@/lib/errors";

/**
 * Thrown when report input breaks a stated precondition (a score outside
 * 0..1, a negative duration). Reports are computed from stored rows, so this
 * means a bug upstream, not a person's typo (500): `issues` lists every problem.
 */
export class InvalidReportInput extends AppError {
  override name = "InvalidReportInput";
  constructor(readonly issues: string[]) {
    super(`Invalid report input: ${issues.join("; ")}`);
  }
}
