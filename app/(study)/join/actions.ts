"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import { formFields, joinClassInput, leaveClassInput, parseActionInput } from "@/lib/classes/action-inputs";
import { joinClassByCode, leaveClass } from "@/lib/data/classes";
import { errorState, field, type ActionState } from "@/app/_lib/action-state";
import { currentViewer } from "../../_lib/viewer";
import { isActionForm, MALFORMED_CALL } from "@/lib/security/action-form";

/** Joins the class a code (typed, or carried by a join link) belongs to; joining twice is harmless. */
export async function joinClassAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const values = { joinCode: field(form, "joinCode") };
  let classId: string;
  try {
    const viewer = requireUser(await currentViewer());
    const { joinCode } = parseActionInput(joinClassInput, formFields(form, ["joinCode"]), { asFormMessage: false });
    classId = (await joinClassByCode(viewer, joinCode, new Date())).classId;
  } catch (e) {
    return errorState(e, values);
  }
  revalidatePath("/dashboard");
  redirect(`/dashboard?joined=${encodeURIComponent(classId)}`);
}

/** The student leaves one of their classes (harmless when they are not in it; refused when it is archived). */
export async function leaveClassAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  try {
    const viewer = requireUser(await currentViewer());
    const { classId } = parseActionInput(leaveClassInput, formFields(form, ["classId"]));
    const { left } = await leaveClass(viewer, classId, new Date());
    revalidatePath("/dashboard");
    return { ok: true, message: left ? "You left the class." : "You are not in that class." };
  } catch (e) {
    return errorState(e);
  }
}
