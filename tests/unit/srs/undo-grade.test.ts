import { Rating, State, fsrs, generatorParameters } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { applyGrade } from "@/lib/srs/apply-grade";
import { fromFsrsCard, toFsrsCard } from "@/lib/srs/card-state";
import { GRADES } from "@/lib/srs/grade";
import { StaleState } from "@/lib/srs/stale-state";
import { undoGrade } from "@/lib/srs/undo-grade";
import { P, makeCards, withoutVersion } from "./card-fixtures";

const cards = makeCards();

describe("undoGrade restores the state before the review", () => {
  for (const [name, { state, at }] of Object.entries(cards)) {
    for (const g of GRADES) {
      it(`${name} card, grade ${g}: every field back, version moves on to +2`, () => {
        const { next, log } = applyGrade(state, g, at, P);
        const undone = undoGrade(log, next);
        expect(undone).toEqual({ ...state, version: state.version + 2 });
        expect(withoutVersion(undone)).toEqual(withoutVersion(state));
      });
    }
  }

  it("even when reviewed late, where ts-fsrs rollback (due := review time) cannot", () => {
    const { state } = cards.Learning; // due 10:10
    const late = new Date(state.due.getTime() + 3 * 3_600_000);
    const { next, log } = applyGrade(state, 3, late, P);
    expect(withoutVersion(undoGrade(log))).toEqual(withoutVersion(state));
    const f = fsrs(generatorParameters({ enable_fuzz: true }));
    const rolled = f.rollback(toFsrsCard(next), {
      rating: Rating.Good,
      state: State.Learning,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsed_days: log.elapsedDays,
      last_elapsed_days: log.lastElapsedDays,
      scheduled_days: log.scheduledDays,
      learning_steps: log.learningSteps,
      review: log.review,
    });
    expect(rolled.due).toEqual(late);
    // Every other field agrees with ts-fsrs's own rollback.
    expect({ ...withoutVersion(fromFsrsCard(rolled, 0)), due: state.due }).toEqual(withoutVersion(state));
  });

  it("the undo snapshot is a copy: mutating the log later does not reach the result", () => {
    const { state, at } = cards.Review;
    const { log } = applyGrade(state, 3, at, P);
    const undone = undoGrade(log);
    log.previous.due.setTime(0);
    expect(undone.due).toEqual(state.due);
  });

  it("refuses to undo a review that is no longer the card's latest", () => {
    const { state, at } = cards.Review;
    const first = applyGrade(state, 3, at, P);
    const second = applyGrade(first.next, 3, first.next.due, P);
    expect(() => undoGrade(first.log, second.next)).toThrow(StaleState);
    expect(undoGrade(second.log, second.next)).toEqual({ ...first.next, version: second.log.version + 1 });
  });
});
