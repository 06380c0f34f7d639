import { describe, expect, it } from "vitest";
import { effectiveMultiplier, parseStoredMultiplier } from "@/lib/classes/time-multiplier";
import { assignmentInputFromForm } from "@/lib/classes/assignment-form-data";

describe("stored and effective time multipliers", () => {
  it("reads stored roster values, anything unknown as normal time", () => {
    expect(["1", "1.5", "2", "untimed", "3", "", "abc"].map(parseStoredMultiplier)).toEqual([1, 1.5, 2, "untimed", 1, 1, 1]);
  });

  it("takes the assignment's own setting over the roster's, the roster's otherwise", () => {
    const own = { s1: 2, s2: "untimed" } as const;
    expect(effectiveMultiplier(own, "1.5", "s1")).toBe(2);
    expect(effectiveMultiplier(own, "1.5", "s2")).toBe("untimed");
    expect(effectiveMultiplier(own, "1.5", "s3")).toBe(1.5);
    expect(effectiveMultiplier({}, "untimed", "s3")).toBe("untimed");
    expect(effectiveMultiplier({}, "7", "s3")).toBe(1);
  });
});

describe("assignmentInputFromForm", () => {
  it("collects ticked types as a list and timeMultipliers.<id> fields as one map", () => {
    const form = new FormData();
    form.append("title", "Quiz 1");
    form.append("types", "cloze");
    form.append("types", "matching");
    form.append("timeMultipliers.s1", "2");
    expect(assignmentInputFromForm(form)).toEqual({ title: "Quiz 1", types: ["cloze", "matching"], timeMultipliers: { s1: "2" } });
    expect(assignmentInputFromForm(new FormData())).toEqual({ timeMultipliers: {} });
  });
});
