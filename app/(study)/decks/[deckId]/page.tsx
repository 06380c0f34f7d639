import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDeck } from "@/lib/data/decks";
import { deckQueueWithPlan } from "@/lib/data/reviews";
import { assignmentLine } from "../../review/[deckId]/done-for-now-extra";
import { formatInZone } from "@/app/_lib/zoned-format";
import { StudyMoreForm } from "../study-more-form";
import { pageUser } from "@/app/_lib/viewer";
import { StartQuizForm } from "../../quiz/start-quiz-form";

export const metadata: Metadata = { title: "Deck" };
const paramsSchema = z.object({ deckId: z.string().regex(/^[a-z0-9-]{1,80}$/) });

export default async function DeckPage({ params }: { params: Promise<{ deckId: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const viewer = await pageUser(`/decks/${parsed.data.deckId}`);
  const deck = await getDeck(parsed.data.deckId);
  if (!deck) notFound();
  const { queue, plan } = await deckQueueWithPlan({ userId: viewer.id, deckId: deck.id, now: new Date() });
  const counts = queue.counts;
  const total = counts.new + counts.learning + counts.review;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/dashboard" className="text-accent underline underline-offset-4">
            Dashboard
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{deck.title}</h1>
        <p className="max-w-2xl text-stone-700">{deck.description}</p>
        <p className="text-sm text-muted">{deck.cardCount} cards, each cited to its source sentence.</p>
      </header>
      <section aria-labelledby="today" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="today" className="text-lg font-semibold">
          Today
        </h2>
        <dl className="flex gap-6" data-testid="deck-counts">
          <div>
            <dt className="text-sm text-muted">New</dt>
            <dd className="text-2xl font-semibold text-blue-800">{counts.new}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">Learning</dt>
            <dd className="text-2xl font-semibold text-red-800">{counts.learning}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">Due</dt>
            <dd className="text-2xl font-semibold text-green-800">{counts.review}</dd>
          </div>
        </dl>
        <Link href={`/review/${deck.id}`} className="inline-block rounded-md bg-accent px-5 py-3 font-semibold text-white">
          {total > 0 ? "Study now" : "Open the review screen"}
        </Link>
        {plan.assignments.length ? (
          <ul className="space-y-1 text-sm" data-testid="deck-assignments">
            {plan.assignments.map((a) => (
              <li key={a.id}>
                <span className="font-medium">{a.title}</span> (due {formatInZone(a.dueAt, a.timeZone)}): {assignmentLine(a)}
              </li>
            ))}
          </ul>
        ) : null}
        <details className="rounded-md border border-stone-200 p-3" open={total === 0}>
          <summary className="cursor-pointer font-medium">Study more today</summary>
          <div className="mt-3">
            <StudyMoreForm deckId={deck.id} from="deck" moreNewLeft={plan.studyMore.moreNewLeft} aheadDays={plan.studyMore.aheadDays} />
          </div>
        </details>
      </section>
      <section aria-labelledby="quiz" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="quiz" className="text-lg font-semibold">
          Quiz
        </h2>
        <p className="text-stone-700">
          Questions drawn from this deck&apos;s facts; every answer shows the sentence it comes from.{" "}
          <Link href="/quizzes" className="text-accent underline underline-offset-4">
            Your past quizzes
          </Link>
        </p>
        <StartQuizForm deckId={deck.id} />
      </section>
    </div>
  );
}
