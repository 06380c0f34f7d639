import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignmentReport, MAX_REVIEW_MS, type ReviewRow } from "@/lib/reports/assignment-report";
import { InvalidReportInput } from "@/lib/reports/invalid-report-input";
import { reviewProgressReport, type ReviewSummary } from "@/lib/reports/review-progress";

const students = ["a", "b", "c", "d"].map((id) => ({ studentId: id, name: `Student ${id}` }));
const deck = ["k1", "k2", "k3"];
const base = Date.UTC(2026, 2, 1);
const dueAt = new Date(base + 5 * 86_400_000);

/** What the database sums up (lib/data report-reads `reviewSummariesOf`), done here by hand. */
function summarise(reviews: readonly ReviewRow[]): ReviewSummary[] {
  const out = new Map<string, ReviewSummary & { first: Map<string, number> }>();
  for (const r of reviews) {
    if (!deck.includes(r.cardId)) continue;
    const t = r.reviewedAt.getTime();
    const s = out.get(r.studentId) ?? { studentId: r.studentId, cards: 0, lastFirstAt: r.reviewedAt, reviews: 0, timeSpentMs: 0, lastAt: r.reviewedAt, minDurationMs: r.durationMs, first: new Map() };
    s.first.set(r.cardId, Math.min(s.first.get(r.cardId) ?? t, t));
    s.reviews += 1;
    s.timeSpentMs += Math.min(r.durationMs, MAX_REVIEW_MS);
    if (t > s.lastAt.getTime()) s.lastAt = r.reviewedAt;
    s.minDurationMs = Math.min(s.minDurationMs, r.durationMs);
    out.set(r.studentId, s);
  }
  return [...out.values()].map(({ first, ...s }) => ({ ...s, cards: first.size, lastFirstAt: new Date(Math.max(...first.values())) }));
}

describe("reviewProgressReport", () => {
  it("gives exactly assignmentReport's review rows from per-student summaries", () => {
    const review = fc.record({
      studentId: fc.constantFrom("a", "b", "c", "d", "gone"),
      cardId: fc.constantFrom("k1", "k2", "k3", "other"),
      reviewedAt: fc.integer({ min: 0, max: 10 * 86_400_000 }).map((ms) => new Date(base + ms)),
      durationMs: fc.integer({ min: 0, max: 3 * MAX_REVIEW_MS }),
    });
    fc.assert(
      fc.property(fc.array(review, { maxLength: 40 }), fc.integer({ min: 0, max: 10 }), (reviews, nowDay) => {
        const now = new Date(base + nowDay * 86_400_000);
        const want = assignmentReport({ kind: "review", dueAt, now, students, deckCardIds: deck, reviews });
        expect(reviewProgressReport({ dueAt, now, students, totalCards: deck.length, summaries: summarise(reviews) })).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a negative duration, as assignmentReport does", () => {
    const at = new Date(base);
    const summaries: ReviewSummary[] = [{ studentId: "a", cards: 1, lastFirstAt: at, reviews: 1, timeSpentMs: -5, lastAt: at, minDurationMs: -5 }];
    expect(() => reviewProgressReport({ dueAt, now: at, students, totalCards: 3, summaries })).toThrow(InvalidReportInput);
  });
});
