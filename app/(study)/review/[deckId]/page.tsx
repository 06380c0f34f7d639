import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDeck } from "@/lib/data/decks";
import { reviewScreen } from "@/lib/data/offline-deck";
import { pageUser } from "@/app/_lib/viewer";
import { ReviewSession } from "./review-session";
import { DoneForNowExtra } from "./done-for-now-extra";

export const metadata: Metadata = { title: "Review" };
const paramsSchema = z.object({ deckId: z.string().regex(/^[a-z0-9-]{1,80}$/) });

export default async function ReviewPage({ params }: { params: Promise<{ deckId: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const viewer = await pageUser(`/review/${parsed.data.deckId}`);
  const deck = await getDeck(parsed.data.deckId);
  if (!deck) notFound();
  const now = new Date();
  // The first card, and the queue of the coming hours for the device (the screen grades from it, online or not), from one set of reads.
  const { queue, plan, snapshot } = await reviewScreen({ userId: viewer.id, deckId: deck.id, now });
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href={`/decks/${deck.id}`} className="inline-block py-2 text-accent underline underline-offset-4">
          {deck.title}
        </Link>
        <Link href="/dashboard" className="inline-block py-2 text-accent underline underline-offset-4 sm:hidden">
          Dashboard
        </Link>
      </p>
      <h1 className="sr-only">Review: {deck.title}</h1>
      {/* A new key after "study more" starts the session afresh with the larger queue. */}
      <ReviewSession
        key={`${plan.studyMore.extraNew}:${plan.studyMore.aheadDays}`}
        userId={viewer.id}
        deckId={deck.id}
        deckTitle={deck.title}
        initial={{ ...queue, nextDue: queue.nextDue?.toISOString() ?? null }}
        snapshot={JSON.parse(JSON.stringify(snapshot))}
        doneExtra={<DoneForNowExtra deckId={deck.id} plan={plan} renderedWithCard={queue.card !== null} />}
      />
    </div>
  );
}
