/**
 * Thrown when a grade or an undo is made against a card state that has
 * changed since (its `version` is not the one expected): the data layer
 * maps it to a Conflict.
 */
export class StaleState extends Error {
  readonly expectedVersion: number;
  readonly actualVersion: number;
  constructor(expectedVersion: number, actualVersion: number) {
    super(`Card state changed: expected version ${expectedVersion}, found ${actualVersion}`);
    this.name = "StaleState";
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}
