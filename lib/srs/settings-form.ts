import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/time-zone";

const int = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .regex(/^\d+$/, `${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number.`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label[0]!.toUpperCase()}${label.slice(1)} must be between ${min} and ${max}.`);

/**
 * The study settings form as the browser sends it (strings): desired
 * retention in percent (70–97), daily limits, time zone, day start hour and
 * quiz feedback timing. Output is ready for `saveStudySettings`.
 */
export const studySettingsFormSchema = z
  .object({
    retentionPercent: int("the desired retention", 70, 97),
    newPerDay: int("the number of new cards a day", 0, 500),
    maxReviewsPerDay: int("the maximum reviews a day", 0, 5000),
    timeZone: z.string({ error: "Choose your time zone." }).trim().max(64).refine(isValidTimeZone, "Choose a time zone such as Europe/Berlin or America/New_York."),
    dayStartHour: int("the hour your study day starts", 0, 23),
    quizFeedback: z.enum(["immediate", "end"], { error: "Choose when quiz feedback is shown." }),
  })
  .transform(({ retentionPercent, ...rest }) => ({ ...rest, desiredRetention: retentionPercent / 100 }));
