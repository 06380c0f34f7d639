import { Conflict } from "@/lib/errors";

/**
 * Thrown when a grade or an undo is made against a card state that has
 * changed since (its `version` is not the one expected): a Conflict (409),
 * with the sentence the student reads (the versions stay for logs and tests).
 */
export class StaleState extends Conflict {
  override name = "StaleState";
  constructor(
    readonly expectedVersion: number,
    readonly actualVersion: number,
    message = `Card state changed: expected version ${expectedVersion}, found ${actualVersion}`,
  ) {
    super(message);
  }
}
