import { describe, expect, it } from "vitest";
import { buildQueue } from "@/lib/srs/build-queue";
import { newCardState } from "@/lib/srs/card-state";
import { srsParams } from "@/lib/srs/params";
import { pullForward } from "@/lib/srs/pull-forward";
import { makeCards } from "./card-fixtures";

const cards = makeCards();

describe("pullForward (facts missed in a quiz become due)", () => {
  it("a card never studied: a stored New state due now, version 1", () => {
    const now = new Date("2024-03-05T12:00:00Z");
    expect(pullForward(null, now)).toEqual({ ...newCardState(now), version: 1 });
  });

  it("a review card due later: due now, memory untouched, version + 1", () => {
    const { state } = cards.Review; // due 2024-03-09
    const now = new Date("2024-03-05T12:00:00Z");
    expect(pullForward(state, now)).toEqual({ ...state, due: now, version: state.version + 1 });
    expect(state.due).toEqual(new Date("2024-03-09T10:00:00Z"));
  });

  it("a card already due is returned unchanged (same version: nothing to write)", () => {
    const { state } = cards.Review;
    const now = new Date("2024-03-10T00:00:00Z");
    expect(pullForward(state, now)).toBe(state);
  });

  it("a pulled-forward card enters today's queue even with the new-card limit used up", () => {
    const now = new Date("2024-03-05T12:00:00Z");
    const params = srsParams({ newPerDay: 0 });
    const q = buildQueue({
      cards: [
        { id: "missed", state: pullForward(null, now), position: 9 },
        { id: "untouched", state: null, position: 1 },
        { id: "review", state: pullForward(cards.Review.state, now), position: 2 },
      ],
      now,
      params,
      doneToday: { newIntroduced: 0, reviews: 0 },
    });
    expect(q).toMatchObject({ new: ["missed"], review: ["review"] });
  });
});
