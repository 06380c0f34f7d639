import type { Metadata } from "next";
import { getStudySettings } from "@/lib/data/study-settings";
import { pageUser } from "../../_lib/viewer";
import { KeyboardSetting } from "./keyboard-setting";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Study settings" };

export default async function SettingsPage() {
  const viewer = await pageUser("/settings");
  const s = await getStudySettings(viewer.id);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Study settings</h1>
      <SettingsForm
        initial={{
          retentionPercent: String(Math.round(s.desiredRetention * 100)),
          newPerDay: String(s.newPerDay),
          maxReviewsPerDay: String(s.maxReviewsPerDay),
          timeZone: s.timeZone,
          dayStartHour: String(s.dayStartHour),
          quizFeedback: s.quizFeedback,
          saved: s.saved,
        }}
      />
      <KeyboardSetting />
    </div>
  );
}
