"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireTeacher } from "@/lib/auth/guards";
import { safeParseClassForm } from "@/lib/classes/class-form";
import { Invalid } from "@/lib/errors";
import {
  clearExtensionInput,
  createAssignmentTarget,
  deleteAssignmentInput,
  editAssignmentTarget,
  setExtensionInput,
  formFields,
  parseActionInput,
  removeMemberInput,
  rotateJoinCodeInput,
  setClassArchivedInput,
  setTimeMultiplierInput,
} from "@/lib/classes/action-inputs";
import { createClass, removeMember, rotateJoinCode, setClassArchived, setMemberTimeMultiplier } from "@/lib/data/classes";
import { clearExtension, createAssignment, deleteAssignment, setExtension, updateAssignment } from "@/lib/data/assignments";
import { assignmentInputFromForm } from "@/lib/classes/assignment-form-data";
import { currentViewer } from "../../_lib/viewer";
import { errorState, field, type ActionState } from "@/app/_lib/action-state";
import { isActionForm, MALFORMED_CALL } from "@/lib/security/action-form";

/*
 * Teacher actions, each in the house order: who is asking (a teacher, and
 * the class's own teacher — lib/data answers NotFound for anyone else's
 * class), parse the input with zod (ids included: lib/classes
 * action-inputs), call lib/data, revalidate or redirect.
 */

async function teacher() {
  return requireTeacher(await currentViewer());
}

export async function createClassAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const values = { name: field(form, "name"), termStart: field(form, "termStart"), termEnd: field(form, "termEnd"), timeZone: field(form, "timeZone") };
  let id: string;
  try {
    const viewer = await teacher();
    const parsed = safeParseClassForm(values);
    if (!parsed.ok) throw Invalid.fields(parsed.fieldErrors);
    id = (await createClass(viewer, parsed.data)).id;
  } catch (e) {
    return errorState(e, values);
  }
  revalidatePath("/teach");
  redirect(`/teach/classes/${id}`);
}

export async function rotateJoinCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  try {
    const viewer = await teacher();
    const { classId } = parseActionInput(rotateJoinCodeInput, formFields(form, ["classId"]));
    await rotateJoinCode(classId, viewer);
    revalidatePath(`/teach/classes/${classId}`);
    return { ok: true, message: "New join code made. The old code and link no longer work." };
  } catch (e) {
    return errorState(e);
  }
}

export async function setClassArchivedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  try {
    const viewer = await teacher();
    const { classId, archive } = parseActionInput(setClassArchivedInput, formFields(form, ["classId", "archive"]));
    await setClassArchived(classId, viewer, archive, new Date());
    revalidatePath(`/teach/classes/${classId}`);
    revalidatePath("/teach");
    return { ok: true, message: archive ? "Class archived: it is now read-only." : "Class restored." };
  } catch (e) {
    return errorState(e);
  }
}

export async function removeMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  try {
    const viewer = await teacher();
    const { classId, studentId } = parseActionInput(removeMemberInput, formFields(form, ["classId", "studentId"]));
    await removeMember(classId, studentId, viewer, new Date());
    revalidatePath(`/teach/classes/${classId}`);
    return { ok: true, message: "Student removed from the class." };
  } catch (e) {
    return errorState(e);
  }
}

export async function setTimeMultiplierAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const values = { timeMultiplier: field(form, "timeMultiplier") };
  try {
    const viewer = await teacher();
    const input = parseActionInput(setTimeMultiplierInput, formFields(form, ["classId", "studentId", "timeMultiplier"]));
    await setMemberTimeMultiplier(input.classId, input.studentId, input.timeMultiplier, viewer);
    revalidatePath(`/teach/classes/${input.classId}`);
    return { ok: true, message: "Extra time saved.", values };
  } catch (e) {
    return errorState(e, values);
  }
}

/** The assignment form's fields as typed, to show again after a refusal (ticked types joined by commas). */
function assignmentValues(form: FormData): Record<string, string> {
  const values = Object.fromEntries([...form.entries()].flatMap(([k, v]) => (typeof v === "string" && k !== "types" && !k.startsWith("$") ? [[k, v]] : [])));
  values.types = form.getAll("types").filter((t) => typeof t === "string").join(",");
  values.shuffle = field(form, "shuffle") === "on" ? "on" : "off";
  values.confirmPastDue = field(form, "confirmPastDue") === "on" ? "on" : "off";
  return values;
}

export async function createAssignmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const values = assignmentValues(form);
  let target: string;
  try {
    const viewer = await teacher();
    const { classId } = parseActionInput(createAssignmentTarget, formFields(form, ["classId"]));
    // The assignment's own fields are parsed by lib/classes `assignmentFormSchema` inside createAssignment.
    const a = await createAssignment(viewer, classId, assignmentInputFromForm(form), { now: new Date() });
    revalidatePath(`/teach/classes/${classId}`);
    target = `/teach/assignments/${a.id}`;
  } catch (e) {
    return errorState(e, values);
  }
  redirect(target);
}

export async function deleteAssignmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  let target: string;
  try {
    const viewer = await teacher();
    const { assignmentId } = parseActionInput(deleteAssignmentInput, formFields(form, ["assignmentId"]));
    const { classId } = await deleteAssignment(viewer, assignmentId);
    revalidatePath(`/teach/classes/${classId}`);
    target = `/teach/classes/${classId}?notice=assignment-deleted`;
  } catch (e) {
    return errorState(e);
  }
  redirect(target);
}

export async function updateAssignmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const values = assignmentValues(form);
  let target: string;
  try {
    const viewer = await teacher();
    const { assignmentId } = parseActionInput(editAssignmentTarget, formFields(form, ["assignmentId"]));
    // The fields are parsed by lib/classes `assignmentFormSchema` and checked by `assignmentEditProblems` inside updateAssignment.
    const a = await updateAssignment(viewer, assignmentId, assignmentInputFromForm(form), new Date());
    revalidatePath(`/teach/classes/${a.classId}`);
    revalidatePath(`/teach/assignments/${a.id}`);
    target = `/teach/assignments/${a.id}/edit?notice=saved`;
  } catch (e) {
    return errorState(e, values);
  }
  redirect(target);
}

export async function setExtensionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const values = { studentId: field(form, "studentId"), dueAt: field(form, "dueAt") };
  try {
    const viewer = await teacher();
    const input = parseActionInput(setExtensionInput, formFields(form, ["assignmentId", "studentId", "dueAt"]), { asFormMessage: false });
    const { classId } = await setExtension(viewer, input.assignmentId, input.studentId, input.dueAt);
    revalidatePath(`/teach/assignments/${input.assignmentId}`);
    revalidatePath(`/teach/assignments/${input.assignmentId}/edit`);
    revalidatePath(`/teach/classes/${classId}`);
    return { ok: true, message: "Extension saved." };
  } catch (e) {
    return errorState(e, values);
  }
}

export async function clearExtensionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  try {
    const viewer = await teacher();
    const input = parseActionInput(clearExtensionInput, formFields(form, ["assignmentId", "studentId"]));
    const { cleared } = await clearExtension(viewer, input.assignmentId, input.studentId);
    revalidatePath(`/teach/assignments/${input.assignmentId}/edit`);
    return { ok: true, message: cleared ? "Extension removed." : "That student has no extension." };
  } catch (e) {
    return errorState(e);
  }
}
