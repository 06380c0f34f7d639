import { describe, expect, it } from "vitest";
import { assignmentNewQuota, studyDaysLeft } from "@/lib/srs/assignment-allowance";
import { deckAllowance } from "@/lib/srs/deck-allowance";
import { InvalidSrsInput } from "@/lib/srs/invalid-srs-input";

// 15:00Z on 2 May 2024 is 08:00 in Los Angeles (PDT, UTC−7): study day 2024-05-02,
// which ends at 2024-05-03 04:00 PDT = 11:00Z.
const now = new Date("2024-05-02T15:00:00Z");
const LA = "America/Los_Angeles";
const at = (iso: string) => new Date(iso);
const open = at("2024-04-01T00:00:00Z");

describe("studyDaysLeft", () => {
  it("counts today and every study day up to the one the due date falls in", () => {
    // Due 4 May 23:00 PDT (5 May 06:00Z): study days 2, 3 and 4 May.
    expect(studyDaysLeft(now, at("2024-05-05T06:00:00Z"), LA, 4)).toBe(3);
  });
  it("is 1 when due later today, and when past due", () => {
    expect(studyDaysLeft(now, at("2024-05-02T20:00:00Z"), LA, 4)).toBe(1);
    expect(studyDaysLeft(now, at("2024-05-01T20:00:00Z"), LA, 4)).toBe(1);
    expect(studyDaysLeft(now, now, LA, 4)).toBe(1);
  });
  it("does not count a study day that starts at the due instant", () => {
    expect(studyDaysLeft(now, at("2024-05-03T11:00:00Z"), LA, 4)).toBe(1); // 3 May 04:00 PDT: nothing of 3 May is on time
    expect(studyDaysLeft(now, at("2024-05-03T11:00:01Z"), LA, 4)).toBe(2);
  });
  it("counts in the student's time zone and day start", () => {
    const due = at("2024-05-03T02:00:00Z");
    expect(studyDaysLeft(now, due, LA, 4)).toBe(1); // 2 May 19:00 in LA: still today
    expect(studyDaysLeft(now, due, "UTC", 4)).toBe(1); // 3 May 02:00 UTC is before 4 am: study day 2 May
    expect(studyDaysLeft(now, due, "UTC", 0)).toBe(2); // with the day starting at midnight, 3 May
    // Tokyo: now is 3 May 00:00 (study day 2 May, before 4 am); due 3 May 11:00 → study day 3 May.
    expect(studyDaysLeft(now, due, "Asia/Tokyo", 4)).toBe(2);
  });
  it("refuses an invalid date", () => {
    expect(() => studyDaysLeft(now, new Date(NaN), LA, 4)).toThrow(InvalidSrsInput);
  });
});

describe("assignmentNewQuota", () => {
  const base = { now, timeZone: LA, dayStartHour: 4 };
  const due2 = { id: "a", openAt: open, dueAt: at("2024-05-04T06:00:00Z") }; // 3 May 23:00 PDT: today and tomorrow
  it("asks for ceil(remaining ÷ study days left) today: 70 cards in 2 days is 35", () => {
    expect(assignmentNewQuota({ ...base, assignments: [due2], remainingNew: 70, introducedToday: 0 })).toEqual({ quota: 35, assignments: [{ id: "a", daysLeft: 2, todayShare: 35 }] });
    expect(assignmentNewQuota({ ...base, assignments: [due2], remainingNew: 69, introducedToday: 0 }).quota).toBe(35);
  });
  it("keeps today's share while the student works through it (counted from the start of the day)", () => {
    expect(assignmentNewQuota({ ...base, assignments: [due2], remainingNew: 50, introducedToday: 20 }).quota).toBe(35);
    expect(assignmentNewQuota({ ...base, assignments: [due2], remainingNew: 35, introducedToday: 35 }).quota).toBe(35);
  });
  it("asks for everything left when due today or past due", () => {
    const dueToday = { id: "t", openAt: open, dueAt: at("2024-05-02T23:00:00Z") };
    const pastDue = { id: "p", openAt: open, dueAt: at("2024-04-30T23:00:00Z") };
    expect(assignmentNewQuota({ ...base, assignments: [dueToday], remainingNew: 40, introducedToday: 5 }).quota).toBe(45);
    expect(assignmentNewQuota({ ...base, assignments: [pastDue], remainingNew: 40, introducedToday: 0 }).quota).toBe(40);
  });
  it("with several assignments on one deck, the soonest due sets the pace", () => {
    const later = { id: "b", openAt: open, dueAt: at("2024-05-12T06:00:00Z") }; // 10 study days
    const r = assignmentNewQuota({ ...base, assignments: [later, due2], remainingNew: 70, introducedToday: 0 });
    expect(r.quota).toBe(35);
    expect(r.assignments).toEqual([
      { id: "b", daysLeft: 10, todayShare: 7 },
      { id: "a", daysLeft: 2, todayShare: 35 },
    ]);
  });
  it("leaves out assignments not open yet, and asks nothing once every card is studied", () => {
    const notOpen = { id: "n", openAt: at("2024-05-03T00:00:00Z"), dueAt: at("2024-05-04T06:00:00Z") };
    expect(assignmentNewQuota({ ...base, assignments: [notOpen], remainingNew: 70, introducedToday: 0 })).toEqual({ quota: 0, assignments: [] });
    expect(assignmentNewQuota({ ...base, assignments: [due2], remainingNew: 0, introducedToday: 12 }).quota).toBe(0);
    expect(assignmentNewQuota({ ...base, assignments: [], remainingNew: 70, introducedToday: 0 }).quota).toBe(0);
  });
  it("refuses counts that are not whole numbers ≥ 0", () => {
    expect(() => assignmentNewQuota({ ...base, assignments: [due2], remainingNew: -1, introducedToday: 0 })).toThrow(InvalidSrsInput);
    expect(() => assignmentNewQuota({ ...base, assignments: [due2], remainingNew: 1, introducedToday: 0.5 })).toThrow(InvalidSrsInput);
  });
});

describe("deckAllowance", () => {
  const params = { newPerDay: 20, timeZone: LA, dayStartHour: 4 };
  const due2 = { id: "a", openAt: open, dueAt: at("2024-05-04T06:00:00Z") };
  const none = { extraNew: 0, aheadDays: 0 };
  it("raises the new-card limit just enough for today's share: 35 − 20 = 15 more", () => {
    const a = deckAllowance({ params, introducedToday: 0, introducedTodayInDeck: 0, remainingNew: 70, assignments: [due2], studyMore: none, now });
    expect(a.queueExtra).toEqual({ newCards: 15, reviewAheadDays: 0, unburyUpTo: 35 });
    expect(a.newFromAssignments).toBe(15);
  });
  it("adds the new cards already introduced in other decks today, so they do not eat the share", () => {
    const a = deckAllowance({ params, introducedToday: 12, introducedTodayInDeck: 2, remainingNew: 68, assignments: [due2], studyMore: none, now });
    expect(a.assignment.quota).toBe(35);
    expect(a.queueExtra.newCards).toBe(35 + 10 - 20);
  });
  it("raises nothing when the daily limit already covers the share, and unburies only what is left of the share", () => {
    const week = { id: "w", openAt: open, dueAt: at("2024-05-12T06:00:00Z") };
    expect(deckAllowance({ params, introducedToday: 0, introducedTodayInDeck: 0, remainingNew: 70, assignments: [week], studyMore: none, now }).queueExtra).toEqual({ newCards: 0, reviewAheadDays: 0, unburyUpTo: 7 });
    expect(deckAllowance({ params, introducedToday: 30, introducedTodayInDeck: 30, remainingNew: 40, assignments: [due2], studyMore: none, now }).queueExtra.unburyUpTo).toBe(5);
    expect(deckAllowance({ params, introducedToday: 35, introducedTodayInDeck: 35, remainingNew: 35, assignments: [due2], studyMore: none, now }).queueExtra.unburyUpTo).toBe(0);
  });
  it("adds study more on top: extra new cards and review-ahead days", () => {
    const a = deckAllowance({ params, introducedToday: 0, introducedTodayInDeck: 0, remainingNew: 70, assignments: [due2], studyMore: { extraNew: 5, aheadDays: 3 }, now });
    // Asked-for new cards may be siblings when only siblings are left: every remaining card may be unburied.
    expect(a.queueExtra).toEqual({ newCards: 20, reviewAheadDays: 3, unburyUpTo: 70 });
    expect(deckAllowance({ params, introducedToday: 0, introducedTodayInDeck: 0, remainingNew: 70, assignments: [], studyMore: { extraNew: 5, aheadDays: 0 }, now }).queueExtra).toEqual({ newCards: 5, reviewAheadDays: 0, unburyUpTo: 70 });
    expect(deckAllowance({ params, introducedToday: 0, introducedTodayInDeck: 0, remainingNew: 70, assignments: [], studyMore: { extraNew: 0, aheadDays: 2 }, now }).queueExtra).toEqual({ newCards: 0, reviewAheadDays: 2, unburyUpTo: 0 });
  });
});
