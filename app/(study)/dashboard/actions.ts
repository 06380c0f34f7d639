"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { formFields, parseActionInput, startAssignmentInput } from "@/lib/classes/action-inputs";
import { startAssignment } from "@/lib/data/assignment-start";
import { errorState, type ActionState } from "@/app/_lib/action-state";
import { currentViewer } from "../../_lib/viewer";
import { isActionForm, MALFORMED_CALL } from "@/lib/security/action-form";

/** "Start" on an assignment: the review session, or a quiz attempt (resumed, or a new one while attempts remain). */
export async function startAssignmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  let href: string;
  try {
    const viewer = requireUser(await currentViewer());
    const { assignmentId } = parseActionInput(startAssignmentInput, formFields(form, ["assignmentId"]));
    href = (await startAssignment(viewer, assignmentId, new Date())).href;
  } catch (e) {
    return errorState(e);
  }
  redirect(href);
}
