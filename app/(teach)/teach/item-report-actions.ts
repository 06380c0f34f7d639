"use server";

import { revalidatePath } from "next/cache";
import { requireTeacher } from "@/lib/auth/guards";
import { formFields, parseActionInput } from "@/lib/classes/action-inputs";
import { setFactHidden } from "@/lib/data/item-reports";
import { setFactHiddenInput } from "@/lib/reports/item-report-input";
import { currentViewer } from "../../_lib/viewer";
import { errorState, type ActionState } from "@/app/_lib/action-state";
import { isActionForm, MALFORMED_CALL } from "@/lib/security/action-form";

/** Hide a fact (its questions and cards) from a class's new quizzes and review queues, or show it again: teacher → zod → lib/data. */
export async function setFactHiddenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  try {
    const viewer = requireTeacher(await currentViewer());
    const { classId, factId, hide } = parseActionInput(setFactHiddenInput, formFields(form, ["classId", "factId", "hide"]));
    const { hidden } = await setFactHidden(viewer, { classId, factId, hidden: hide }, new Date());
    revalidatePath(`/teach/classes/${classId}/item-reports`);
    return { ok: true, message: hidden ? "Hidden from this class's new quizzes and review queues." : "Shown again in this class's quizzes and review queues." };
  } catch (e) {
    return errorState(e);
  }
}
