import type { Metadata } from "next";
import Link from "next/link";
import { listRoster } from "@/lib/data/classes";
import { listDecks } from "@/lib/data/decks";
import { formOfRow, listExtensions } from "@/lib/data/assignments";
import { utcToZonedLocal } from "@/lib/classes/zoned-time";
import { QUESTION_TYPES } from "@/lib/generate/question";
import { assignmentOr404 } from "@/app/(teach)/teach/load";
import { formatInZone } from "@/app/_lib/zoned-format";
import { ActionButton } from "@/app/_components/action-button";
import { AssignmentForm } from "@/app/(teach)/teach/classes/[classId]/assignments/new/assignment-form";
import { clearExtensionAction } from "@/app/(teach)/teach/actions";
import { ExtensionForm } from "./extension-form";

export const metadata: Metadata = { title: "Edit assignment" };

/** The stored assignment as the form's fields (what the teacher would type to make it again). */
function fieldsOf(a: Parameters<typeof formOfRow>[0], timeZone: string): Record<string, string> & { openAt: string; dueAt: string } {
  const f = formOfRow(a);
  const out: Record<string, string> & { openAt: string; dueAt: string } = {
    kind: f.kind,
    deckId: f.deckId,
    title: f.title,
    openAt: utcToZonedLocal(f.openAt, timeZone),
    dueAt: utcToZonedLocal(f.dueAt, timeZone),
  };
  if (f.kind === "quiz") {
    Object.assign(out, {
      questionCount: String(f.questionCount),
      timeLimitMinutes: f.timeLimitMinutes === null ? "" : String(f.timeLimitMinutes),
      attemptsAllowed: String(f.attemptsAllowed),
      types: f.types.join(","),
      feedback: f.feedback,
      questionSet: f.questionSet,
      shuffle: f.shuffle ? "on" : "off",
    });
    for (const [id, m] of Object.entries(f.timeMultipliers)) out[`timeMultipliers.${id}`] = String(m);
  }
  return out;
}

export default async function EditAssignmentPage({ params, searchParams }: { params: Promise<{ assignmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { assignmentId } = await params;
  const { assignment: a } = await assignmentOr404(assignmentId, (id) => `/teach/assignments/${id}/edit`);
  const saved = (await searchParams).notice === "saved";
  const tz = a.classroom.timeZone;
  const [decks, roster, extensions] = await Promise.all([listDecks(), listRoster(a.classId), listExtensions(a.id)]);
  const archived = a.classroom.archivedAt !== null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href={`/teach/assignments/${a.id}`} title={a.title} className="min-w-0 max-w-full truncate text-accent underline underline-offset-4">
          ← {a.title}
        </Link>
        <Link href={`/teach/assignments/${a.id}/preview`} className="text-accent underline underline-offset-4">
          Preview as a student
        </Link>
      </p>
      <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">Edit “{a.title}”</h1>
      <p className="text-stone-700 [overflow-wrap:anywhere]">
        {a.classroom.name} · due {formatInZone(a.dueAt, tz)}
      </p>
      {saved ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          Changes saved. Answers already given are kept; new settings apply to attempts started from now on.
        </p>
      ) : null}
      {archived ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">This class is archived, so it is read-only.</p>
      ) : (
        <>
          <AssignmentForm
            classId={a.classId}
            assignmentId={a.id}
            timeZone={tz}
            decks={decks.map((d) => ({ id: d.id, title: d.title, cardCount: d.cardCount }))}
            students={roster.map((m) => ({ id: m.userId, name: m.name, multiplier: String(m.timeMultiplier) }))}
            types={[...QUESTION_TYPES]}
            defaults={fieldsOf(a, tz)}
          />

          <section aria-labelledby="extensions-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="extensions-heading" className="text-xl font-semibold">
              Extensions
            </h2>
            <p className="text-sm text-stone-700">One student&apos;s own due date, later than the class&apos;s. Their work is late only after it.</p>
            {extensions.length === 0 ? (
              <p className="text-stone-700">No extensions.</p>
            ) : (
              <ul className="divide-y divide-stone-200" data-testid="extensions">
                {extensions.map((x) => (
                  <li key={x.studentId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="min-w-0 [overflow-wrap:anywhere]">
                      <span className="font-medium">{x.name}</span> <span className="text-sm">due {formatInZone(x.dueAt, tz)}</span>
                    </span>
                    <ActionButton
                      action={clearExtensionAction}
                      hidden={{ assignmentId: a.id, studentId: x.studentId }}
                      label="Remove"
                      accessibleLabel={`Remove ${x.name}'s extension`}
                      pendingLabel="Removing…"
                    />
                  </li>
                ))}
              </ul>
            )}
            {roster.length > 0 ? (
              <ExtensionForm
                assignmentId={a.id}
                timeZone={tz}
                students={roster.map((m) => ({ id: m.userId, name: m.name }))}
                defaultDueAt={utcToZonedLocal(new Date(a.dueAt.getTime() + 2 * 24 * 3_600_000), tz)}
              />
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
