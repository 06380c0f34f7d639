import { z } from "zod";
import { QUESTION_TYPES, type QuestionType } from "@/lib/generate/question";
import { checkbox, choice, isBlank, optionalWholeNumber, wholeNumber } from "./form-fields";
import { Invalid } from "@/lib/errors";
import { parseForm, safeParseForm, type FormResult } from "./parse-form";
import { timeMultipliersSchema, type TimeMultiplier } from "./time-multiplier";
import { zonedLocalToUtc } from "./zoned-time";
import { PAST_DUE_MESSAGE } from "./past-due";

export const ASSIGNMENT_TITLE_MAX = 120;
export const QUESTION_COUNT_MAX = 50;
export const TIME_LIMIT_MINUTES_MAX = 180;
export const ATTEMPTS_MAX = 10;
export const ASSIGNMENT_KINDS = ["review", "quiz"] as const;
export const FEEDBACK_MODES = ["immediate", "end"] as const;
export const QUESTION_SETS = ["per-student", "fixed"] as const;

/** What the form needs to know about the class it is filled in for. */
export type AssignmentFormContext = {
  /** The class's IANA time zone: openAt and dueAt are typed in its clocks. */
  timeZone: string;
  /** The decks the teacher may assign; the default title is the deck's. */
  decks: readonly { id: string; title: string }[];
  /**
   * When given, a due date at or before `now` is refused unless the form
   * ticks `confirmPastDue` (a teacher back-filling an assignment on purpose).
   */
  now?: Date;
  /** On an edit, the stored due date: keeping it is not asked about again even when it has passed. */
  keepDueAt?: Date;
};

type Common = { deckId: string; title: string; openAt: Date; dueAt: Date; confirmPastDue: boolean };
export type ReviewAssignmentForm = Common & { kind: "review" };
export type QuizAssignmentForm = Common & {
  kind: "quiz";
  questionCount: number;
  /** Distinct, in the order of QUESTION_TYPES. */
  types: QuestionType[];
  /** null: no time limit. */
  timeLimitMinutes: number | null;
  attemptsAllowed: number;
  /** "immediate": right/wrong after each answer; "end": only when the attempt is finished. */
  feedback: (typeof FEEDBACK_MODES)[number];
  shuffle: boolean;
  /** "per-student": each student gets their own draw of questions; "fixed": everyone gets the same set. */
  questionSet: (typeof QUESTION_SETS)[number];
  /** Student id → extra-time multiplier; students not listed get 1. */
  timeMultipliers: Record<string, TimeMultiplier>;
};
export type AssignmentForm = ReviewAssignmentForm | QuizAssignmentForm;

/** A datetime-local field read in the class's zone and turned into a UTC instant. */
function localDateTime(label: string, timeZone: string) {
  return z.unknown().transform((v, ctx): Date => {
    if (isBlank(v) || typeof v !== "string") {
      ctx.addIssue({ code: "custom", message: `Enter the ${label} date and time.` });
      return z.NEVER;
    }
    try {
      return zonedLocalToUtc(v.trim(), timeZone);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      ctx.addIssue({ code: "custom", message: `The ${label} date isn't a real date and time; enter one like 2025-03-14T09:30.` });
      return z.NEVER;
    }
  });
}

/** Question types: a list, or one string as `FormData` gives for a single tick; errors are keyed `types`. */
const typesSchema = z.unknown().transform((v, ctx): QuestionType[] => {
  const picked: unknown[] = typeof v === "string" ? [v] : isBlank(v) ? [] : Array.isArray(v) ? v : [v];
  const unknown = picked.filter((t) => !(QUESTION_TYPES as readonly unknown[]).includes(t));
  if (unknown.length > 0) {
    ctx.addIssue({ code: "custom", message: `Choose question types from the list (not ${unknown.map((t) => JSON.stringify(t)).join(", ")}).` });
    return z.NEVER;
  }
  if (picked.length === 0) {
    ctx.addIssue({ code: "custom", message: "Choose at least one question type." });
    return z.NEVER;
  }
  return QUESTION_TYPES.filter((t) => picked.includes(t));
});

/**
 * The assignment form for one class, discriminated by `kind`.
 *
 * Common fields: `deckId` (one of `ctx.decks`); `title` (trimmed, at most
 * 120 characters; empty → the deck's title); `openAt` and `dueAt` as local
 * date-times "YYYY-MM-DDTHH:mm" in the class's time zone, converted to UTC
 * with `zonedLocalToUtc` (DST gap → later, overlap → earlier); the due
 * instant must be strictly after the open instant; with `ctx.now`, a due
 * instant at or before it needs `confirmPastDue` ticked
 * (`needsPastDueConfirmation`).
 *
 * review: nothing more — the student studies every card of the deck.
 *
 * quiz: `questionCount` 1–50; `types` a non-empty subset of QUESTION_TYPES
 * (a single string is accepted as a one-element list, as `FormData` gives);
 * `timeLimitMinutes` empty or 1–180; `attemptsAllowed` 1–10; `feedback`
 * "immediate" | "end"; `shuffle` a checkbox; `questionSet` "per-student" |
 * "fixed"; `timeMultipliers` student id → 1 | 1.5 | 2 | "untimed".
 */
export function assignmentFormSchema(ctx: AssignmentFormContext): z.ZodType<AssignmentForm> {
  const deckTitles = new Map(ctx.decks.map((d) => [d.id, d.title]));
  const common = {
    deckId: z
      .string({ error: "Choose a deck." })
      .refine((id) => deckTitles.has(id), "Choose one of this class's decks."),
    title: z.preprocess(
      (v) => (isBlank(v) ? "" : v),
      z
        .string({ error: "The title must be text." })
        .trim()
        .refine((s) => [...s].length <= ASSIGNMENT_TITLE_MAX, `Keep the title to ${ASSIGNMENT_TITLE_MAX} characters or fewer.`),
    ),
    openAt: localDateTime("open", ctx.timeZone),
    dueAt: localDateTime("due", ctx.timeZone),
    confirmPastDue: checkbox,
  };
  const review = z.object({ kind: z.literal("review"), ...common });
  const quiz = z.object({
    kind: z.literal("quiz"),
    ...common,
    questionCount: wholeNumber("The number of questions", 1, QUESTION_COUNT_MAX),
    types: typesSchema,
    timeLimitMinutes: optionalWholeNumber("The time limit in minutes", 1, TIME_LIMIT_MINUTES_MAX),
    attemptsAllowed: wholeNumber("The number of attempts", 1, ATTEMPTS_MAX),
    feedback: choice(FEEDBACK_MODES, "Choose when students see feedback: after each answer or at the end."),
    shuffle: checkbox,
    questionSet: choice(QUESTION_SETS, "Choose whether each student gets their own questions or everyone gets the same set."),
    timeMultipliers: timeMultipliersSchema,
  });
  return z
    .discriminatedUnion("kind", [review, quiz], { error: "Choose whether this is a review or a quiz." })
    .refine((v) => v.dueAt.getTime() > v.openAt.getTime(), {
      path: ["dueAt"],
      message: "Due date must be after the open date",
      when: (payload) => {
        const v = payload.value as { openAt?: unknown; dueAt?: unknown };
        return v.openAt instanceof Date && v.dueAt instanceof Date;
      },
    })
    .refine((v) => !needsPastDueConfirmation(v, ctx), {
      path: ["dueAt"],
      message: PAST_DUE_MESSAGE,
      when: (payload) => (payload.value as { dueAt?: unknown }).dueAt instanceof Date,
    })
    .transform((v): AssignmentForm => ({ ...v, title: v.title === "" ? (deckTitles.get(v.deckId) ?? "") : v.title }));
}

export { PAST_DUE_MESSAGE };

/**
 * A due date needs an explicit confirmation when `ctx.now` is given, the
 * date is at or before it (nobody could hand work in on time), it is not
 * the stored date of an edit (`ctx.keepDueAt`), and `confirmPastDue` is not ticked.
 */
export function needsPastDueConfirmation(v: { dueAt: Date; confirmPastDue: boolean }, ctx: Pick<AssignmentFormContext, "now" | "keepDueAt">): boolean {
  if (!ctx.now || v.confirmPastDue) return false;
  if (ctx.keepDueAt && ctx.keepDueAt.getTime() === v.dueAt.getTime()) return false;
  return v.dueAt.getTime() <= ctx.now.getTime();
}

/** `assignmentFormSchema(ctx)` as a result with field errors. */
export function safeParseAssignmentForm(input: unknown, ctx: AssignmentFormContext): FormResult<AssignmentForm> {
  return safeParseForm(assignmentFormSchema(ctx), input);
}

/** `assignmentFormSchema(ctx)`, throwing `Invalid` with field errors. */
export function parseAssignmentForm(input: unknown, ctx: AssignmentFormContext): AssignmentForm {
  return parseForm(assignmentFormSchema(ctx), input);
}
