import { State, createEmptyCard } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { fromFsrsCard, newCardState, srsCardStateSchema, toFsrsCard } from "@/lib/srs/card-state";
import { InvalidSrsInput } from "@/lib/srs/invalid-srs-input";
import { T0, makeCards } from "./card-fixtures";

describe("SrsCardState", () => {
  it("a new card mirrors ts-fsrs createEmptyCard, version 0", () => {
    const s = newCardState(T0);
    expect(s).toEqual({
      due: T0,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: "New",
      lastReview: null,
      version: 0,
    });
    expect(toFsrsCard(s)).toEqual(createEmptyCard(T0));
    expect(s.due).not.toBe(T0);
  });

  it("converts to and from ts-fsrs Card without loss, for every state", () => {
    for (const { state } of Object.values(makeCards())) {
      const card = toFsrsCard(state);
      expect(card.state).toBe(State[state.state]);
      expect(fromFsrsCard(card, state.version)).toEqual(state);
    }
  });

  it("survives JSON (the undo snapshot) via srsCardStateSchema", () => {
    for (const { state } of Object.values(makeCards())) {
      expect(srsCardStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
    }
    expect(srsCardStateSchema.safeParse({ ...newCardState(T0), state: "Buried" }).success).toBe(false);
  });

  it("refuses an invalid now", () => {
    expect(() => newCardState(new Date(NaN))).toThrow(InvalidSrsInput);
  });
});
