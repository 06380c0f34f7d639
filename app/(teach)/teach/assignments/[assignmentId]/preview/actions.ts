"use server";

import { requireTeacher } from "@/lib/auth/guards";
import { previewAssignment } from "@/lib/data/assignment-preview";
import { parseActionInput, previewAnswerInput } from "@/lib/classes/action-inputs";
import { gradeAnswer } from "@/lib/quiz/grade";
import { isActionForm, MALFORMED_CALL } from "@/lib/security/action-form";
import { Invalid } from "@/lib/errors";
import { errorState, type ActionState } from "@/app/_lib/action-state";
import { currentViewer } from "@/app/_lib/viewer";
import { feedbackFor, type Feedback } from "@/app/(study)/quiz/quiz-view";

export type PreviewAnswerState = ActionState & { feedback?: Feedback };

/**
 * The teacher answers a question of the preview: graded as the student's
 * answer would be (`gradeAnswer` on the same question), the feedback a
 * student would see returned — and nothing stored.
 */
export async function previewAnswerAction(_prev: PreviewAnswerState, form: FormData): Promise<PreviewAnswerState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  try {
    const viewer = requireTeacher(await currentViewer());
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === "string" ? v : undefined;
    };
    const input = parseActionInput(previewAnswerInput, { assignmentId: text("assignmentId"), student: text("student") || null, questionId: text("questionId"), response: text("response") });
    const preview = await previewAssignment(viewer, input.assignmentId, input.student);
    const question = preview.questions.find((q) => q.id === input.questionId);
    if (!question) throw new Invalid("That question is not in this preview. Reload the page.");
    const blank = typeof input.response === "string" && input.response.trim() === "";
    const grade = gradeAnswer(question, blank ? "" : input.response);
    if (!grade.correct && grade.reason && !blank) throw new Invalid(`Your answer could not be read: ${grade.reason}.`);
    return { ok: true, feedback: feedbackFor(question, grade, blank ? "" : input.response) };
  } catch (e) {
    return errorState(e);
  }
}
