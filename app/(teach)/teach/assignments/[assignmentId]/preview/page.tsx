import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { listRoster } from "@/lib/data/classes";
import { previewAssignment } from "@/lib/data/assignment-preview";
import { studentIdSchema } from "@/lib/classes/ids";
import { Invalid } from "@/lib/errors";
import { assignmentOr404 } from "@/app/(teach)/teach/load";
import { formatDuration } from "@/app/_lib/zoned-format";
import { publicQuestion } from "@/app/(study)/quiz/quiz-view";
import { PreviewPlayer } from "./preview-player";

export const metadata: Metadata = { title: "Preview" };
export const dynamic = "force-dynamic";

/** ?student=<id>: whose questions; anything else (or none) is a student who joins later. */
const previewQuery = z.object({ student: studentIdSchema.optional().catch(undefined) });

/**
 * A quiz assignment as a student sees it: the same questions, in the same
 * order, with the same inputs and feedback (the student's components), for
 * any student of the class or a student who joins later. Nothing is
 * recorded: answers are graded and shown, never stored.
 */
export default async function PreviewPage({ params, searchParams }: { params: Promise<{ assignmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { assignmentId } = await params;
  const { viewer, assignment: a } = await assignmentOr404(assignmentId, (id) => `/teach/assignments/${id}/preview`);
  const roster = await listRoster(a.classId);
  const asked = previewQuery.safeParse(await searchParams).data?.student;
  const student = roster.find((m) => m.userId === asked) ?? null;
  let preview: Awaited<ReturnType<typeof previewAssignment>> | null = null;
  let problem: string | null = null;
  try {
    preview = await previewAssignment(viewer, a.id, student?.userId ?? null);
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    problem = e.message;
  }
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href={`/teach/assignments/${a.id}`} title={a.title} className="min-w-0 max-w-full truncate text-accent underline underline-offset-4">
          ← {a.title}
        </Link>
        <Link href={`/teach/assignments/${a.id}/edit`} className="text-accent underline underline-offset-4">
          Edit
        </Link>
      </p>
      <div role="note" className="space-y-2 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sky-950" data-testid="preview-note">
        <p>
          <span className="font-semibold">Preview.</span> This is what{" "}
          <span className="[overflow-wrap:anywhere]">{student ? student.name : "a student who joins later"}</span> sees. Nothing you answer here is recorded.
        </p>
        {roster.length > 0 ? (
          <form method="get" className="flex flex-wrap items-end gap-2">
            <label htmlFor="f-preview-student" className="text-sm font-medium">
              See it as
            </label>
            <select id="f-preview-student" name="student" defaultValue={student?.userId ?? ""} className="min-w-0 max-w-full truncate rounded-md border border-stone-400 bg-white px-2 py-1.5">
              <option value="">A student who joins later</option>
              {roster.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
            <button type="submit" className="rounded-md border border-stone-400 bg-white px-3 py-1.5 text-sm">
              Show
            </button>
          </form>
        ) : null}
      </div>
      {problem || !preview ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">{problem}</p>
      ) : (
        <>
          <header className="space-y-1">
            <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">Quiz: {a.title}</h1>
            <p className="text-sm text-muted">
              {preview.questions.length} questions · {preview.feedback === "immediate" ? "you see the answer after each question" : "answers are shown at the end"}
              {preview.limitMs !== null ? ` · ${formatDuration(preview.limitMs)} to answer` : ""}
            </p>
          </header>
          <PreviewPlayer
            key={student?.userId ?? "later"}
            assignmentId={a.id}
            student={student?.userId ?? ""}
            questions={preview.questions.map(publicQuestion)}
            feedbackMode={preview.feedback}
          />
        </>
      )}
    </div>
  );
}
