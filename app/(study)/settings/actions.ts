"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/session";
import { saveStudySettings } from "@/lib/data/study-settings";
import { studySettingsFormSchema } from "@/lib/srs/settings-form";
import { invalidActionState, type ActionState } from "@/app/_lib/action-state";
import { requestContext } from "../../_lib/request-context";
import { isActionForm, MALFORMED_CALL } from "@/lib/security/action-form";

const FIELDS = ["retentionPercent", "newPerDay", "maxReviewsPerDay", "timeZone", "dayStartHour", "quizFeedback"] as const;

export async function saveStudySettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  const viewer = await getViewer((await requestContext()).headers);
  if (!viewer) return { formError: "Please sign in first." };
  const values = Object.fromEntries(FIELDS.map((k) => [k, typeof form.get(k) === "string" ? (form.get(k) as string) : ""]));
  const parsed = studySettingsFormSchema.safeParse(Object.fromEntries(FIELDS.map((k) => [k, form.get(k) ?? undefined])));
  if (!parsed.success) return invalidActionState(parsed.error, values);
  await saveStudySettings(viewer.id, parsed.data);
  revalidatePath("/", "layout");
  return { ok: true, message: "Settings saved. They apply from your next card.", values };
}
