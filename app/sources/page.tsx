import Link from "next/link";
import type { Metadata } from "next";
import { listSources } from "@/lib/data/sources";
import { WhenText } from "../_components/when-text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  const sources = await listSources();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Sources</h1>
      <p className="max-w-2xl text-stone-700">
        The articles every fact is taken from, verbatim apart from page chrome. Open one to see each cited sentence highlighted.
      </p>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {sources.map((s) => (
          <li key={s.slug} className="px-4 py-3">
            <Link href={`/sources/${s.slug}`} className="text-lg font-medium text-accent underline-offset-4 hover:underline">
              {s.headline}
            </Link>
            <p className="text-sm text-muted">
              {s.outlet}
              {s.via ? ` (via ${s.via})` : ""} · <WhenText date={s.publishedDate} precision={s.publishedPrecision} inferred={s.publishedInferred} />
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
