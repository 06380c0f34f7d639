import { z } from "zod";
import { MORE_NEW_MAX_PER_DAY, REVIEW_AHEAD_MAX_DAYS } from "./study-more-limits";

export { MORE_NEW_MAX_PER_DAY, REVIEW_AHEAD_MAX_DAYS };

const deckIdSchema = z.string({ error: "Choose a deck." }).regex(/^[a-z0-9-]{1,80}$/, { error: "Choose a deck." });
const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .regex(/^\d{1,4}$/, { error: `Enter ${what} as a whole number from ${min} to ${max}.` })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: `Enter ${what} from ${min} to ${max}.` }).max(max, { error: `Enter ${what} from ${min} to ${max}.` }));

/** The "study more" form (deck page and "Done for now"): where to go back to, and one of the two choices. */
export const studyMoreInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("new"), deckId: deckIdSchema, from: z.enum(["deck", "review"]), amount: wholeNumber(1, MORE_NEW_MAX_PER_DAY, "how many more new cards") }),
  z.object({ kind: z.literal("ahead"), deckId: deckIdSchema, from: z.enum(["deck", "review"]), amount: wholeNumber(1, REVIEW_AHEAD_MAX_DAYS, "how many days ahead") }),
], { error: "Choose more new cards or review ahead." });
export type StudyMoreInput = z.output<typeof studyMoreInput>;
