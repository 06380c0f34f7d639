import type { Metadata } from "next";
import Link from "next/link";
import { listRoster } from "@/lib/data/classes";
import { listDecks } from "@/lib/data/decks";
import { utcToZonedLocal } from "@/lib/classes/zoned-time";
import { QUESTION_TYPES } from "@/lib/generate/question";
import { classOr404 } from "@/app/(teach)/teach/load";
import { AssignmentForm } from "./assignment-form";

export const metadata: Metadata = { title: "New assignment" };

const HOUR = 3_600_000;

export default async function NewAssignmentPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { klass } = await classOr404(classId, (id) => `/teach/classes/${id}/assignments/new`);
  const [decks, roster] = await Promise.all([listDecks(), listRoster(klass.id)]);
  const now = new Date().getTime();
  // Opens now (this minute): a teacher assigning in class leaves students a Start button at once.
  const openAt = utcToZonedLocal(new Date(Math.floor(now / 60_000) * 60_000), klass.timeZone);
  const dueAt = `${utcToZonedLocal(new Date(now + 7 * 24 * HOUR), klass.timeZone).slice(0, 10)}T23:59`;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href={`/teach/classes/${klass.id}`} title={klass.name} className="block truncate text-accent underline underline-offset-4">
          ← {klass.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">New assignment</h1>
      {klass.archivedAt ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">This class is archived, so it is read-only.</p>
      ) : (
        <AssignmentForm
          classId={klass.id}
          timeZone={klass.timeZone}
          decks={decks.map((d) => ({ id: d.id, title: d.title, cardCount: d.cardCount }))}
          students={roster.map((m) => ({ id: m.userId, name: m.name, multiplier: String(m.timeMultiplier) }))}
          types={[...QUESTION_TYPES]}
          defaults={{ openAt, dueAt }}
        />
      )}
    </div>
  );
}
