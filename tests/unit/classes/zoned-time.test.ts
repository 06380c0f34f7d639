import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/classes/zoned-time";

const iso = (local: string, tz: string) => zonedLocalToUtc(local, tz).toISOString();

describe("zonedLocalToUtc", () => {
  it("applies the offset in force: Los Angeles −8 h in winter, −7 h in summer; Kolkata +5:30", () => {
    expect(iso("2024-01-15T09:00", "America/Los_Angeles")).toBe("2024-01-15T17:00:00.000Z");
    expect(iso("2024-07-04T09:00", "America/Los_Angeles")).toBe("2024-07-04T16:00:00.000Z");
    expect(iso("2024-07-04T09:00:30", "America/Los_Angeles")).toBe("2024-07-04T16:00:30.000Z");
    expect(iso("2025-01-01T00:00", "Asia/Kolkata")).toBe("2024-12-31T18:30:00.000Z");
    expect(iso("2025-06-01T12:00", "UTC")).toBe("2025-06-01T12:00:00.000Z");
  });

  it("moves a time in a spring-forward gap forward by the gap", () => {
    // LA 2024-03-10: 02:00 PST → 03:00 PDT. 02:30 read at −8 h = 10:30Z, which LA clocks call 03:30.
    expect(iso("2024-03-10T02:30", "America/Los_Angeles")).toBe("2024-03-10T10:30:00.000Z");
    expect(utcToZonedLocal(new Date("2024-03-10T10:30:00Z"), "America/Los_Angeles")).toBe("2024-03-10T03:30");
    // London 2024-03-31: 01:00 GMT → 02:00 BST. 01:30 read at +0 = 01:30Z = 02:30 BST.
    expect(iso("2024-03-31T01:30", "Europe/London")).toBe("2024-03-31T01:30:00.000Z");
    // Lord Howe 2024-10-06: 02:00 (+10:30) → 02:30 (+11), a 30-minute gap. 02:15 − 10:30 = 15:45Z the day before = 02:45 local.
    expect(iso("2024-10-06T02:15", "Australia/Lord_Howe")).toBe("2024-10-05T15:45:00.000Z");
    expect(utcToZonedLocal(new Date("2024-10-05T15:45:00Z"), "Australia/Lord_Howe")).toBe("2024-10-06T02:45");
  });

  it("takes the earlier of two instants when clocks go back", () => {
    // LA 2024-11-03: 01:30 happens at 08:30Z (PDT, −7) and again at 09:30Z (PST, −8).
    expect(iso("2024-11-03T01:30", "America/Los_Angeles")).toBe("2024-11-03T08:30:00.000Z");
    // London 2024-10-27: 01:30 BST = 00:30Z, then 01:30 GMT = 01:30Z.
    expect(iso("2024-10-27T01:30", "Europe/London")).toBe("2024-10-27T00:30:00.000Z");
    // just outside the overlap nothing is ambiguous
    expect(iso("2024-11-03T00:59", "America/Los_Angeles")).toBe("2024-11-03T07:59:00.000Z");
    expect(iso("2024-11-03T02:00", "America/Los_Angeles")).toBe("2024-11-03T10:00:00.000Z");
  });

  it("refuses malformed and impossible readings with a field error", () => {
    for (const bad of ["2025-02-29T10:00", "2025-13-01T10:00", "2025-01-01T24:00", "2025-01-01T10:60", "2025-01-01 10:00", "2025-1-1T10:00", ""]) {
      expect(() => zonedLocalToUtc(bad, "Europe/London"), bad).toThrow(Invalid);
    }
    expect(() => zonedLocalToUtc("2024-02-29T10:00", "Europe/London")).not.toThrow();
  });

  it("round-trips every instant's local reading (property, several zones)", () => {
    const zones = ["America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "Pacific/Auckland", "America/Sao_Paulo", "Asia/Kolkata"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, tz) => {
          const local = utcToZonedLocal(new Date(minute * 60_000), tz);
          expect(utcToZonedLocal(zonedLocalToUtc(local, tz), tz)).toBe(local);
        },
      ),
      { numRuns: 400 },
    );
  });
});
