import { describe, expect, it } from "vitest";
import { sortForDashboard } from "@/lib/classes/dashboard-order";

describe("dashboard order", () => {
  it("orders by due date, then title (case-insensitive, numbers by value), then id", () => {
    const friday = new Date("2025-03-15T06:59:00Z");
    const monday = new Date("2025-03-11T06:59:00Z");
    const list = [
      { id: "a5", title: "Review: ceasefire", dueAt: friday },
      { id: "a4", title: "Quiz 10", dueAt: friday },
      { id: "a3", title: "quiz 2", dueAt: friday },
      { id: "a2", title: "Zebra", dueAt: monday },
      { id: "a7", title: "alpha", dueAt: friday },
      { id: "a6", title: "Alpha", dueAt: friday },
    ];
    const copy = [...list];
    expect(sortForDashboard(list).map((a) => a.id)).toEqual(["a2", "a6", "a7", "a3", "a4", "a5"]);
    expect(list).toEqual(copy); // input untouched
  });
});
