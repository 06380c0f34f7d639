import type { Metadata } from "next";
import { listFactTimeline } from "@/lib/data/sources";
import { WhenText } from "../_components/when-text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Timeline" };

export default async function FactsPage() {
  const facts = await listFactTimeline();
  const dated = facts.filter((f) => f.whenDate);
  const undated = facts.filter((f) => !f.whenDate);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Timeline of facts</h1>
        <p className="max-w-2xl text-stone-700">
          {facts.length} facts, in date order. Each links to the sentence that states it. Claims made by one party are marked as such.
        </p>
      </header>
      <ol className="space-y-3" aria-label="Dated facts">
        {dated.map((f) => (
          <FactItem key={f.id} fact={f} />
        ))}
      </ol>
      {undated.length ? (
        <section aria-labelledby="undated" className="space-y-3">
          <h2 id="undated" className="text-xl font-semibold">
            Undated
          </h2>
          <ol className="space-y-3">
            {undated.map((f) => (
              <FactItem key={f.id} fact={f} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

function FactItem({ fact: f }: { fact: Awaited<ReturnType<typeof listFactTimeline>>[number] }) {
  return (
    <li id={f.id} className="rounded-lg border border-stone-200 bg-white px-4 py-3">
      <p className="text-sm font-medium text-muted">
        {f.whenDate && f.whenPrecision ? (
          <WhenText date={f.whenDate} precision={f.whenPrecision} part={f.whenPart} inferred={f.whenInferred} reason={f.whenReason} />
        ) : (
          "Undated"
        )}
        {f.attributed ? <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-800">attributed claim</span> : null}
        {f.contested ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">contested</span> : null}
      </p>
      <p className="mt-1">{f.statement}</p>
      <p className="mt-1 text-sm">
        {f.sources.map((s, i) => (
          <span key={s.slug}>
            {i ? " · " : ""}
            <a href={`/sources/${s.slug}#${f.id}`} className="text-accent underline underline-offset-4">
              Quote in {s.outlet}
            </a>
          </span>
        ))}
      </p>
    </li>
  );
}
