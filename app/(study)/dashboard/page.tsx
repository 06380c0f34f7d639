import type { Metadata } from "next";
import Link from "next/link";
import { listDecks } from "@/lib/data/decks";
import { dashboardCounts } from "@/lib/data/dashboard-counts";
import { DueCounts } from "./due-counts";
import { listStudentAssignments } from "@/lib/data/assignments";
import { listStudentClasses } from "@/lib/data/classes";
import { finishExpiredAttempts } from "@/lib/data/quiz-attempts";
import { pageUser } from "../../_lib/viewer";
import { AssignmentsSection } from "./assignments-section";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await pageUser("/dashboard");
  const query = await searchParams;
  const notice = query.notice;
  const now = new Date();
  // The one write the dashboard needs, before its reads: a timed quiz whose time ran out is finished, with its score.
  await finishExpiredAttempts({ userId: viewer.id }, now);
  const [decks, assignments, classes, due] = await Promise.all([listDecks(), listStudentAssignments(viewer.id, now), listStudentClasses(viewer.id), dashboardCounts(viewer.id, now)]);
  const joined = typeof query.joined === "string" ? classes.find((c) => c.id === query.joined) : undefined;
  return (
    <div className="space-y-6">
      {notice === "teachers-only" ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          That page is for teachers.
        </p>
      ) : null}
      {joined ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          You are in {joined.name}. Its assignments are listed below.
        </p>
      ) : null}
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Hello, {viewer.name}</h1>
        <p className="text-stone-700">
          Signed in as a <span data-testid="viewer-role">{viewer.role}</span>. Pick a deck to study.
        </p>
      </header>
      <AssignmentsSection assignments={assignments} classes={classes} now={now} isStudent={viewer.role === "student"} />
      <section aria-labelledby="decks-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="decks-heading" className="text-xl font-semibold">
            Decks
          </h2>
          <p className="text-sm" data-testid="due-total">
            <span className="text-muted">Today in total: </span>
            <DueCounts counts={due.total} />
          </p>
        </div>
        <ul className="grid gap-3 sm:grid-cols-2">
          {decks.map((d) => (
            <li key={d.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <h3 className="font-semibold">
                <Link href={`/decks/${d.id}`} className="text-accent underline-offset-4 hover:underline">
                  {d.title}
                </Link>
              </h3>
              <p className="mt-1 text-sm text-stone-700">{d.description}</p>
              <p className="mt-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <span className="text-muted">{d.cardCount} cards</span>
                <DueCounts counts={due.decks.get(d.id) ?? { new: 0, learning: 0, review: 0 }} testId={`due-${d.id}`} />
              </p>
            </li>
          ))}
        </ul>
      </section>
      <p className="text-sm">
        <Link href="/facts" className="text-accent underline underline-offset-4">
          Browse the timeline of facts
        </Link>
      </p>
    </div>
  );
}
