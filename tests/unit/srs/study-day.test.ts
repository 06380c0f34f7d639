import { describe, expect, it } from "vitest";
import { InvalidSrsInput } from "@/lib/srs/invalid-srs-input";
import { addDays, studyDay, studyDayStart } from "@/lib/srs/study-day";

const at = (iso: string): Date => new Date(iso);

describe("studyDay: the local date, starting at dayStartHour", () => {
  it.each([
    // UTC, day starts at 4 am
    ["2024-05-02T03:59:59Z", "UTC", 4, "2024-05-01"],
    ["2024-05-02T04:00:00Z", "UTC", 4, "2024-05-02"],
    ["2024-05-02T00:00:00Z", "UTC", 0, "2024-05-02"],
    // Yerevan is UTC+4 all year: 23:30Z is 03:30 the next local day, still yesterday's study day
    ["2024-05-01T19:59:00Z", "Asia/Yerevan", 4, "2024-05-01"], // 23:59 local
    ["2024-05-01T20:00:00Z", "Asia/Yerevan", 4, "2024-05-01"], // 00:00 local, before 4 am
    ["2024-05-01T23:30:00Z", "Asia/Yerevan", 4, "2024-05-01"], // 03:30 local
    ["2024-05-02T00:00:00Z", "Asia/Yerevan", 4, "2024-05-02"], // 04:00 local
    // Los Angeles, UTC−7 in summer: a UTC-midnight rule would be wrong all afternoon
    ["2024-05-02T06:59:00Z", "America/Los_Angeles", 4, "2024-05-01"], // 23:59 on 1 May
    ["2024-05-02T10:59:00Z", "America/Los_Angeles", 4, "2024-05-01"], // 03:59 on 2 May
    ["2024-05-02T11:00:00Z", "America/Los_Angeles", 4, "2024-05-02"], // 04:00
    ["2024-05-02T11:00:00Z", "America/Los_Angeles", 0, "2024-05-02"],
    // New York springs forward at 2 am EST (07:00Z) on 10 March 2024
    ["2024-03-10T07:30:00Z", "America/New_York", 4, "2024-03-09"], // 03:30 EDT
    ["2024-03-10T08:00:00Z", "America/New_York", 4, "2024-03-10"], // 04:00 EDT
    ["2024-03-09T08:59:00Z", "America/New_York", 4, "2024-03-08"], // 03:59 EST the day before
    ["2024-03-09T09:00:00Z", "America/New_York", 4, "2024-03-09"], // 04:00 EST
    // Berlin falls back at 3 am CEST (01:00Z) on 27 October 2024
    ["2024-10-27T01:30:00Z", "Europe/Berlin", 4, "2024-10-26"], // 02:30 CET (second time round)
    ["2024-10-27T02:59:00Z", "Europe/Berlin", 4, "2024-10-26"], // 03:59 CET
    ["2024-10-27T03:00:00Z", "Europe/Berlin", 4, "2024-10-27"], // 04:00 CET
  ])("%s in %s (day starts %i h) → %s", (iso, zone, hour, day) => {
    expect(studyDay(at(iso), zone, hour)).toBe(day);
  });

  it("refuses an unknown zone, a bad hour or an invalid date", () => {
    expect(() => studyDay(at("2024-05-02T00:00:00Z"), "Nowhere/Land", 4)).toThrow(InvalidSrsInput);
    expect(() => studyDay(at("2024-05-02T00:00:00Z"), "UTC", 24)).toThrow(InvalidSrsInput);
    expect(() => studyDay(new Date(NaN), "UTC", 4)).toThrow(InvalidSrsInput);
  });
});

describe("studyDayStart: the UTC instant a study day begins", () => {
  it.each([
    ["2024-05-02", "UTC", 4, "2024-05-02T04:00:00.000Z"],
    ["2024-05-02", "Asia/Yerevan", 4, "2024-05-02T00:00:00.000Z"],
    ["2024-05-02", "America/Los_Angeles", 4, "2024-05-02T11:00:00.000Z"],
    ["2024-01-15", "America/Los_Angeles", 4, "2024-01-15T12:00:00.000Z"],
    ["2024-03-09", "America/New_York", 4, "2024-03-09T09:00:00.000Z"], // EST
    ["2024-03-10", "America/New_York", 4, "2024-03-10T08:00:00.000Z"], // EDT
    ["2024-03-30", "Europe/Berlin", 4, "2024-03-30T03:00:00.000Z"], // CET
    ["2024-03-31", "Europe/Berlin", 4, "2024-03-31T02:00:00.000Z"], // CEST
    // 2 am does not exist on these days: the day starts when the clocks jump
    ["2024-03-10", "America/New_York", 2, "2024-03-10T07:00:00.000Z"],
    ["2024-03-31", "Europe/Berlin", 2, "2024-03-31T01:00:00.000Z"],
    // 2 am happens twice: the first one
    ["2024-10-27", "Europe/Berlin", 2, "2024-10-27T00:00:00.000Z"],
    ["2024-11-03", "America/New_York", 1, "2024-11-03T05:00:00.000Z"],
  ])("%s in %s at %i h → %s", (day, zone, hour, iso) => {
    expect(studyDayStart(day, zone, hour).toISOString()).toBe(iso);
  });

  it("study days are 23 h long in spring and 25 h in autumn across DST", () => {
    const hours = (day: string, zone: string): number =>
      (studyDayStart(addDays(day, 1), zone, 4).getTime() - studyDayStart(day, zone, 4).getTime()) / 3_600_000;
    // Saturday 4 am CET → Sunday 4 am CEST: the 2 am jump falls inside the study day of Saturday.
    expect(hours("2024-03-30", "Europe/Berlin")).toBe(23);
    expect(hours("2024-03-31", "Europe/Berlin")).toBe(24);
    expect(hours("2024-10-26", "Europe/Berlin")).toBe(25);
    expect(hours("2024-03-09", "America/New_York")).toBe(23);
    expect(hours("2024-11-02", "America/New_York")).toBe(25);
    expect(hours("2024-03-09", "Asia/Yerevan")).toBe(24);
  });

  it("is consistent with studyDay: the start belongs to the day, one ms before to the previous day", () => {
    for (const zone of ["UTC", "Asia/Yerevan", "America/Los_Angeles", "America/New_York", "Europe/Berlin"]) {
      for (const day of ["2024-03-09", "2024-03-10", "2024-03-31", "2024-10-27", "2024-11-03", "2024-12-31"]) {
        const start = studyDayStart(day, zone, 4);
        expect(studyDay(start, zone, 4)).toBe(day);
        expect(studyDay(new Date(start.getTime() - 1), zone, 4)).toBe(addDays(day, -1));
      }
    }
  });

  it("addDays crosses months and leap days; malformed days are refused", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(() => studyDayStart("2024-02-30", "UTC", 4)).toThrow(InvalidSrsInput);
    expect(() => studyDayStart("24-1-1", "UTC", 4)).toThrow(InvalidSrsInput);
  });
});
