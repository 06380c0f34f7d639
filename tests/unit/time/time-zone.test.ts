import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "@/lib/time/time-zone";
import { studySettingsFormSchema } from "@/lib/srs/settings-form";
import { signInSchema } from "@/lib/auth/forms";

describe("isValidTimeZone (the one time-zone check)", () => {
  it("accepts IANA names and UTC", () => {
    for (const tz of ["Europe/London", "America/Los_Angeles", "Asia/Kolkata", "UTC"]) expect(isValidTimeZone(tz), tz).toBe(true);
  });

  it("refuses UTC offsets (which newer Intl versions accept) and unknown or blank names", () => {
    for (const tz of ["+01:00", "-05:00", "Mars/Olympus", "", "  "]) expect(isValidTimeZone(tz), tz).toBe(false);
  });

  it("is the rule of the study settings and of the browser's zone at sign-in", () => {
    const settings = { retentionPercent: "90", newPerDay: "20", maxReviewsPerDay: "200", dayStartHour: "4", quizFeedback: "immediate" };
    expect(studySettingsFormSchema.safeParse({ ...settings, timeZone: "Europe/Berlin" }).success).toBe(true);
    expect(studySettingsFormSchema.safeParse({ ...settings, timeZone: "+01:00" }).success).toBe(false);
    const signIn = signInSchema.parse({ email: "a@example.org", password: "x", timeZone: "+01:00" });
    expect(signIn.timeZone).toBeUndefined();
  });
});
