/**
 * Thrown by lib/srs for inputs that cannot be scheduled: an invalid Date, a
 * review time earlier than the card's last review, an unknown time zone, a
 * malformed study day. `field` names the offending input.
 */
export class InvalidSrsInput extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = "InvalidSrsInput";
    this.field = field;
  }
}
