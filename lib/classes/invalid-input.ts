/**
 * Thrown when a form or a value typed by a person cannot be accepted.
 * `fieldErrors` maps a field name (`name`, `dueAt`, `timeMultipliers.s1`) to one
 * human sentence, ready to show next to that field; the edge turns it into a
 * form state or a 400/422, never a 500.
 */
export class InvalidInput extends Error {
  readonly fieldErrors: Record<string, string>;
  constructor(fieldErrors: Record<string, string>) {
    super(`Invalid input: ${Object.entries(fieldErrors).map(([field, message]) => `${field}: ${message}`).join("; ")}`);
    this.name = "InvalidInput";
    this.fieldErrors = fieldErrors;
  }
}
