import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/data/unique-violation";

describe("isUniqueViolation", () => {
  it("knows Prisma's P2002 and a driver adapter's unmapped unique-constraint message", () => {
    expect(isUniqueViolation({ code: "P2002", message: "x" })).toBe(true);
    expect(isUniqueViolation(new Error("SqliteError: UNIQUE constraint failed: ReviewLog.id"))).toBe(true);
    expect(isUniqueViolation(new Error('duplicate key value violates unique constraint "ReviewLog_pkey"'))).toBe(true);
  });

  it("is false for other errors and for non-errors", () => {
    expect(isUniqueViolation({ code: "P2025", message: "Record to update not found." })).toBe(false);
    expect(isUniqueViolation(new Error("connection refused"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation("P2002")).toBe(false);
  });
});
