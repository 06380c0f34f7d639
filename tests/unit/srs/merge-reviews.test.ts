import { describe, expect, it } from "vitest";
import { applyGrade } from "@/lib/srs/apply-grade";
import { newCardState } from "@/lib/srs/card-state";
import { byReviewTime, mergeOfflineGrade, replayReviews } from "@/lib/srs/merge-reviews";
import { undoGrade } from "@/lib/srs/undo-grade";
import { P, T0, withoutVersion } from "./card-fixtures";

const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("replayReviews", () => {
  it("is applyGrade step by step in time order, whatever order the reviews arrive in", () => {
    const fresh = newCardState(T0);
    const a = applyGrade(fresh, 3, at(0), P).next;
    const b = applyGrade(a, 3, at(12), P).next;
    const c = applyGrade(b, 1, at(60 * 24 * 3), P).next;
    const { state, logs } = replayReviews(fresh, [
      { id: "c", grade: 1, reviewedAt: at(60 * 24 * 3) },
      { id: "a", grade: 3, reviewedAt: at(0) },
      { id: "b", grade: 3, reviewedAt: at(12) },
    ], P);
    expect(state).toEqual(c);
    expect(logs.map((l) => l.id)).toEqual(["a", "b", "c"]);
    expect(state.version).toBe(3);
  });

  it("orders two reviews of the same millisecond by id", () => {
    expect([{ id: "b", grade: 3 as const, reviewedAt: T0 }, { id: "a", grade: 1 as const, reviewedAt: T0 }].sort(byReviewTime).map((r) => r.id)).toEqual(["a", "b"]);
  });

  it("counts a review from before the state's last review as made at that review", () => {
    const reviewed = applyGrade(newCardState(T0), 4, at(30), P).next;
    const { logs } = replayReviews(reviewed, [{ id: "x", grade: 3, reviewedAt: at(10) }], P);
    expect(logs[0]!.reviewedAt).toEqual(at(30));
  });
});

describe("mergeOfflineGrade", () => {
  // Phone A graded Good at 10:00 offline; phone B graded Again at 10:05 and synced first.
  const fresh = newCardState(T0);
  const byB = applyGrade(fresh, 1, at(5), P);

  it("keeps both logs: the state is the replay of both in time order, A's earlier grade first", () => {
    const merged = mergeOfflineGrade({
      current: byB.next,
      start: byB.log.previous,
      standing: [{ id: "b", grade: 1, reviewedAt: at(5) }],
      incoming: { id: "a", grade: 3, reviewedAt: at(0) },
      params: P,
    });
    const replay = applyGrade(applyGrade(fresh, 3, at(0), P).next, 1, at(5), P).next;
    expect(withoutVersion(merged.next)).toEqual(withoutVersion(replay));
    expect(merged.next.version).toBe(byB.next.version + 1);
    expect(merged.reviewedAt).toEqual(at(0));
    expect(merged.introduced).toBe(false);
    // Differs from applying A's grade on top of B's state: that is what a merge avoids.
    expect(withoutVersion(merged.next)).not.toEqual(withoutVersion(applyGrade(byB.next, 3, at(5), P).next));
  });

  it("a later offline grade lands on top of the standing history", () => {
    const merged = mergeOfflineGrade({
      current: byB.next,
      start: byB.log.previous,
      standing: [{ id: "b", grade: 1, reviewedAt: at(5) }],
      incoming: { id: "a", grade: 4, reviewedAt: at(20) },
      params: P,
    });
    expect(withoutVersion(merged.next)).toEqual(withoutVersion(applyGrade(byB.next, 4, at(20), P).next));
  });

  it("undoing the merged grade restores the state from before the merge", () => {
    const merged = mergeOfflineGrade({
      current: byB.next,
      start: byB.log.previous,
      standing: [{ id: "b", grade: 1, reviewedAt: at(5) }],
      incoming: { id: "a", grade: 3, reviewedAt: at(0) },
      params: P,
    });
    const restored = undoGrade(merged.log, merged.next);
    expect(withoutVersion(restored)).toEqual(withoutVersion(byB.next));
    expect(restored.version).toBeGreaterThan(merged.next.version);
  });

  it("a card with no state and no standing review starts new at the incoming review", () => {
    const merged = mergeOfflineGrade({ current: null, start: null, standing: [], incoming: { id: "a", grade: 3, reviewedAt: at(0) }, params: P });
    expect(withoutVersion(merged.next)).toEqual(withoutVersion(applyGrade(newCardState(at(0)), 3, at(0), P).next));
    expect(merged.next.version).toBe(1);
    expect(merged.introduced).toBe(true);
  });
});
