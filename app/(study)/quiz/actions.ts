"use server";

import { randomBytes } from "node:crypto";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { startPracticeQuiz } from "@/lib/data/practice-start";
import { Unauthorized } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/field-errors";
import { QUESTION_TYPES } from "@/lib/generate/question";
import { quizStartSchema } from "@/lib/quiz/quiz-start-schema";
import { errorState, type ActionState } from "@/app/_lib/action-state";
import { requestContext } from "@/app/_lib/request-context";
import { isActionForm, MALFORMED_CALL } from "@/lib/security/action-form";

export type StartQuizState = ActionState<{ count: string; types: string[]; feedback: string }>;

const FIELD_MESSAGES: Record<string, string> = {
  deckId: "Choose a deck to be quizzed on.",
  count: "Enter a number of questions from 1 to 50.",
  types: "Tick at least one type of question.",
  feedback: "Choose when to see whether you were right.",
};

/**
 * Starts a quiz on a deck: who is asking → the form (deck, number of
 * questions, types, feedback mode) → a server-made random seed → a stored
 * attempt → the quiz page.
 */
export async function startQuizAction(_prev: StartQuizState, form: FormData): Promise<StartQuizState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const viewer = await getViewer((await requestContext()).headers);
  if (!viewer) return { formError: new Unauthorized().message };
  const strings = (key: string) => form.getAll(key).filter((v): v is string => typeof v === "string");
  const types = strings("types");
  const values = { count: strings("count")[0] ?? "10", types, feedback: strings("feedback")[0] ?? "immediate" };
  const parsed = quizStartSchema.safeParse({
    deckId: strings("deckId")[0] ?? "",
    count: values.count.trim() === "" ? undefined : values.count,
    // All types ticked is stored as "every type" (null), so new types join later quizzes.
    types: types.length === 0 ? [] : types,
    feedback: values.feedback,
  });
  if (!parsed.success) {
    // One message per form field (an issue on one ticked type belongs to "types").
    const fieldErrors: Record<string, string> = {};
    for (const [path, message] of Object.entries(fieldErrorsOf(parsed.error.issues, "deckId"))) {
      const key = path.split(".")[0] ?? path;
      fieldErrors[key] ??= FIELD_MESSAGES[key] ?? message;
    }
    return { formError: Object.values(fieldErrors)[0] ?? "Please correct the fields marked below.", fieldErrors, values };
  }
  const input = parsed.data;
  const allTypes = !input.types || input.types.length === QUESTION_TYPES.length;
  let attemptId: string;
  try {
    ({ attemptId } = await startPracticeQuiz({
      userId: viewer.id,
      deckId: input.deckId,
      count: input.count,
      types: allTypes ? null : (input.types ?? null),
      feedback: input.feedback,
      seed: randomBytes(12).toString("base64url"),
      now: new Date(),
    }));
  } catch (e) {
    return errorState(e, values);
  }
  redirect(`/quiz/${attemptId}`);
}
