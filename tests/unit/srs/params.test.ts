import { describe, expect, it } from "vitest";
import { DEFAULT_SRS_PARAMS, srsParams, studySettingsSchema } from "@/lib/srs/params";

describe("study settings", () => {
  it("defaults: 90 % retention, 20 new, 200 reviews, UTC, 4 am; steps 1m 10m / 10m, fuzz on", () => {
    expect(DEFAULT_SRS_PARAMS).toEqual({
      desiredRetention: 0.9,
      newPerDay: 20,
      maxReviewsPerDay: 200,
      timeZone: "UTC",
      dayStartHour: 4,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      enableFuzz: true,
      maximumInterval: 36500,
      learnAheadMinutes: 20,
    });
  });

  it("accepts the edges of each range and real IANA zones", () => {
    const ok = studySettingsSchema.safeParse({ desiredRetention: 0.7, newPerDay: 0, maxReviewsPerDay: 5000, timeZone: "Asia/Yerevan", dayStartHour: 23 });
    expect(ok.success).toBe(true);
    expect(srsParams({ desiredRetention: 0.97, timeZone: "America/Los_Angeles" })).toMatchObject({ desiredRetention: 0.97, timeZone: "America/Los_Angeles", newPerDay: 20 });
  });

  it.each([
    [{ desiredRetention: 0.69 }, "desiredRetention"],
    [{ desiredRetention: 0.98 }, "desiredRetention"],
    [{ newPerDay: 501 }, "newPerDay"],
    [{ newPerDay: 2.5 }, "newPerDay"],
    [{ maxReviewsPerDay: -1 }, "maxReviewsPerDay"],
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    [{ timeZone: "" }, "timeZone"],
    [{ dayStartHour: 24 }, "dayStartHour"],
  ])("refuses %j", (input, field) => {
    const r = studySettingsSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toEqual([field]);
  });
});
