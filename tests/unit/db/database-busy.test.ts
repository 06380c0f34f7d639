import { describe, expect, it } from "vitest";
import { Conflict, databaseBusy, Unavailable } from "@/lib/errors";

describe("databaseBusy: a database that could not answer in time is a 503 to retry, not a 500", () => {
  it("knows Prisma's timeout, conflict and connection-limit codes and SQLite's busy lock", () => {
    for (const code of ["P2024", "P2028", "P1008", "P2034", "P2037"]) {
      const busy = databaseBusy({ code, message: "x" });
      expect(busy, code).toBeInstanceOf(Unavailable);
      expect(busy?.status).toBe(503);
      expect(busy?.retryAfterSeconds).toBeGreaterThan(0);
      expect(busy?.message).toMatch(/Nothing was saved/);
    }
    expect(databaseBusy(new Error("SqliteError: database is locked"))).toBeInstanceOf(Unavailable);
    expect(databaseBusy(new Error("SQLITE_BUSY: database table is locked"))).toBeInstanceOf(Unavailable);
  });

  it("leaves every other error alone", () => {
    expect(databaseBusy({ code: "P2002", message: "Unique constraint failed" })).toBeNull();
    expect(databaseBusy({ code: "P2025", message: "Record to update not found." })).toBeNull();
    expect(databaseBusy(new Conflict("changed"))).toBeNull();
    expect(databaseBusy(new Error("connection refused"))).toBeNull();
    expect(databaseBusy(null)).toBeNull();
    expect(databaseBusy("P2024")).toBeNull();
  });

  it("passes an Unavailable through as it is", () => {
    const u = new Unavailable(7);
    expect(databaseBusy(u)).toBe(u);
  });
});
