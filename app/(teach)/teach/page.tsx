import type { Metadata } from "next";
import Link from "next/link";
import { listTeacherClasses } from "@/lib/data/classes";
import { listTeacherUpcoming } from "@/lib/data/assignments";
import { finishExpiredForTeacherDashboard, loadTeacherAttention } from "@/lib/data/reports";
import { formatJoinCode } from "@/lib/classes/join-code";
import { pageTeacher } from "../../_lib/viewer";
import { formatInZone } from "../../_lib/zoned-format";

export const metadata: Metadata = { title: "Teach" };

export default async function TeachDashboard() {
  const viewer = await pageTeacher("/teach");
  const now = new Date();
  // The one write the dashboard needs, before its reads: timed-out quiz attempts are finished.
  await finishExpiredForTeacherDashboard(viewer, now);
  const [classes, upcoming, attention] = await Promise.all([
    listTeacherClasses(viewer.id),
    listTeacherUpcoming(viewer.id, now),
    loadTeacherAttention(viewer, now),
  ]);
  const zoneOf = new Map(classes.map((c) => [c.id, c.timeZone]));
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Teach</h1>
          <p className="text-stone-700">Your classes, what is due next, and what needs a look.</p>
        </div>
        <Link href="/teach/classes/new" className="rounded-md bg-accent px-4 py-2.5 font-semibold text-white hover:bg-blue-800">
          New class
        </Link>
      </header>

      <section aria-labelledby="attention-heading" className="space-y-3">
        <h2 id="attention-heading" className="text-xl font-semibold">
          Needs attention
        </h2>
        {attention.length === 0 ? (
          <p className="text-stone-700">Nothing right now: no late work and no questions to check.</p>
        ) : (
          <ul className="space-y-2" data-testid="attention">
            {attention.map((item) => (
              <li key={`${item.kind}-${item.assignmentId}`} className={`rounded-lg border bg-white p-3 [overflow-wrap:anywhere] ${item.kind === "late" ? "border-red-200" : "border-amber-300"}`}>
                <Link href={`/teach/assignments/${item.assignmentId}`} className="font-medium text-accent underline underline-offset-4">
                  {item.title}
                </Link>{" "}
                <span className="text-sm text-muted">({item.className})</span>
                <p className="text-sm text-stone-800">
                  {item.kind === "late"
                    ? `Late: ${item.students.slice(0, 5).join(", ")}${item.students.length > 5 ? ` and ${item.students.length - 5} more` : ""}`
                    : item.by === "facts"
                      ? `${item.questions} fact${item.questions === 1 ? "" : "s"} flagged “check this fact”`
                      : `${item.questions} question${item.questions === 1 ? "" : "s"} flagged “check this question”`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="upcoming-heading" className="space-y-3">
        <h2 id="upcoming-heading" className="text-xl font-semibold">
          Upcoming due dates
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-stone-700">No assignments are due.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {upcoming.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <Link href={`/teach/assignments/${a.id}`} className="font-medium text-accent underline underline-offset-4">
                    {a.title}
                  </Link>{" "}
                  <span className="text-sm text-muted">
                    {a.classroom.name} · {a.kind}
                  </span>
                </span>
                <span className="text-sm">Due {formatInZone(a.dueAt, zoneOf.get(a.classId) ?? "UTC")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="classes-heading" className="space-y-3">
        <h2 id="classes-heading" className="text-xl font-semibold">
          Classes
        </h2>
        {classes.length === 0 ? (
          <p className="text-stone-700">
            No classes yet.{" "}
            <Link href="/teach/classes/new" className="text-accent underline underline-offset-4">
              Create your first class
            </Link>
            .
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {classes.map((c) => (
              <li key={c.id} className="min-w-0 rounded-lg border border-stone-200 bg-white p-4">
                <h3 className="font-semibold [overflow-wrap:anywhere]">
                  <Link href={`/teach/classes/${c.id}`} className="text-accent underline underline-offset-4">
                    {c.name}
                  </Link>
                  {c.archivedAt ? <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-stone-800">Archived</span> : null}
                </h3>
                <p className="mt-1 text-sm text-stone-700">
                  {c.memberCount} student{c.memberCount === 1 ? "" : "s"} · {c.assignmentCount} assignment{c.assignmentCount === 1 ? "" : "s"}
                </p>
                {!c.archivedAt ? <p className="mt-1 font-mono text-sm text-stone-800">Code {formatJoinCode(c.joinCode)}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
