"use server";

import { redirect } from "next/navigation";
import { changeNameSchema, changePasswordSchema, signInSchema, signUpSchema } from "@/lib/auth/forms";
import { changePassword, getViewer, signIn, signOut, signUp } from "@/lib/auth/session";
import { adoptTimeZone } from "@/lib/data/study-settings";
import { updateDisplayName } from "@/lib/data/users";
import { Unauthorized } from "@/lib/errors";
import { errorState, invalidActionState, type ActionState } from "../_lib/action-state";
import { applySetCookies, requestContext } from "../_lib/request-context";
import { isActionForm, MALFORMED_CALL } from "@/lib/security/action-form";
import { landingPath } from "./landing";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

export async function signUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const values = { name: text(form, "name") ?? "", email: text(form, "email") ?? "", role: text(form, "role") ?? "student" };
  const parsed = signUpSchema.safeParse({ ...values, password: text(form, "password"), returnTo: text(form, "returnTo"), timeZone: text(form, "timeZone") });
  if (!parsed.success) return invalidActionState(parsed.error, values);
  const { returnTo, timeZone, ...input } = parsed.data;
  let target: string;
  try {
    const out = await signUp(await requestContext(), input);
    await applySetCookies(out.setCookies);
    if (timeZone && out.viewer) await adoptTimeZone(out.viewer.id, timeZone);
    target = landingPath(out.viewer?.role, returnTo);
  } catch (e) {
    return errorState(e, values);
  }
  redirect(target);
}

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const values = { email: text(form, "email") ?? "" };
  const parsed = signInSchema.safeParse({ ...values, password: text(form, "password"), returnTo: text(form, "returnTo"), timeZone: text(form, "timeZone") });
  if (!parsed.success) return invalidActionState(parsed.error, values);
  let target: string;
  try {
    const out = await signIn(await requestContext(), { email: parsed.data.email, password: parsed.data.password });
    await applySetCookies(out.setCookies);
    if (parsed.data.timeZone && out.viewer) await adoptTimeZone(out.viewer.id, parsed.data.timeZone);
    target = landingPath(out.viewer?.role, parsed.data.returnTo);
  } catch (e) {
    return errorState(e, values);
  }
  redirect(target);
}

export async function signOutAction(): Promise<void> {
  const ctx = await requestContext();
  const out = await signOut(ctx);
  await applySetCookies(out.setCookies);
  redirect("/");
}

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const ctx = await requestContext();
  if (!(await getViewer(ctx.headers))) return errorState(new Unauthorized(), {});
  const parsed = changePasswordSchema.safeParse({
    currentPassword: text(form, "currentPassword"),
    newPassword: text(form, "newPassword"),
    confirmPassword: text(form, "confirmPassword"),
  });
  if (!parsed.success) return invalidActionState(parsed.error);
  try {
    const out = await changePassword(ctx, parsed.data);
    await applySetCookies(out.setCookies);
    return { ok: true, message: "Your password was changed. Other devices were signed out." };
  } catch (e) {
    return errorState(e, {});
  }
}

export async function changeNameAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const ctx = await requestContext();
  const viewer = await getViewer(ctx.headers);
  if (!viewer) return errorState(new Unauthorized(), {});
  const values = { name: text(form, "name") ?? "" };
  const parsed = changeNameSchema.safeParse(values);
  if (!parsed.success) return invalidActionState(parsed.error, values);
  await updateDisplayName(viewer.id, parsed.data.name);
  return { ok: true, message: "Your display name was saved.", values: { name: parsed.data.name } };
}
