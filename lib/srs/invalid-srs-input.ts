import { AppError } from "@/lib/errors";

/**
 * Thrown by lib/srs for inputs that cannot be scheduled: an invalid Date, a
 * review time earlier than the card's last review, an unknown time zone, a
 * malformed study day. `field` names the offending input.
 */
export class InvalidSrsInput extends AppError {
  override name = "InvalidSrsInput";
  // 500: what reaches lib/srs was checked at the edge or read from storage; failing here is a bug.
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
