import Link from "next/link";
import { cachedCorpusSummary } from "@/lib/data/corpus-cache";
import { formatWhen } from "@/lib/content/when";
import type { Precision } from "@/lib/content/schema";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const summary = await cachedCorpusSummary();
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Learn what the sources say, sentence by sentence</h1>
        <p className="max-w-2xl text-lg text-stone-700">
          Factdeck turns documented news reports into quizzes and spaced-repetition flashcards. Every card and
          every question links back to the exact sentence it came from.
        </p>
        <dl className="flex flex-wrap gap-3" aria-label="The corpus">
          {[
            ["facts", summary.facts],
            ["flashcards", summary.cards],
            ["decks", summary.decks],
            ["sources", summary.sources.length],
          ].map(([label, n]) => (
            <div key={label} className="rounded-lg border border-stone-200 bg-white px-4 py-2">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-2xl font-semibold" data-testid={`count-${label}`}>
                {n}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="sources-heading" className="space-y-3">
        <h2 id="sources-heading" className="text-xl font-semibold">
          The sources
        </h2>
        {summary.sources.length === 0 ? (
          <p className="text-muted">No sources are loaded yet: run <code>npm run db:seed</code>.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {summary.sources.map((s) => (
              <li key={s.slug} className="px-4 py-3">
                <Link href={`/sources/${s.slug}`} className="font-medium text-accent underline-offset-4 hover:underline">
                  {s.headline}
                </Link>
                <p className="text-sm text-muted">
                  {s.outlet}
                  {s.via ? ` (via ${s.via})` : ""} ·{" "}
                  {formatWhen({ date: s.publishedDate, precision: s.publishedPrecision as Precision })}
                  {s.publishedInferred ? " (year inferred)" : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
