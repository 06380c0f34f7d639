import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { z } from "zod";
import { getSourceWithQuotes } from "@/lib/data/sources";
import { segmentBody } from "@/lib/content/highlight";
import { WhenText } from "../../_components/when-text";
import { TargetHighlight } from "./target-highlight";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

type Props = { params: Promise<{ slug: string }> };

/** One read per request: `generateMetadata` and the page share it. */
const loadSource = cache((slug: string) => getSourceWithQuotes(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = paramsSchema.safeParse(await params);
  const source = parsed.success ? await loadSource(parsed.data.slug) : null;
  return { title: source ? source.headline : "Source not found" };
}

export default async function SourcePage({ params }: Props) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const source = await loadSource(parsed.data.slug);
  if (!source) notFound();

  const paragraphs = segmentBody(source.body, source.quotes);
  const cited = [...new Map(source.quotes.map((q) => [q.factId, q])).values()];

  return (
    <article className="space-y-6">
      <TargetHighlight />
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/sources" className="underline underline-offset-4">
            Sources
          </Link>{" "}
          / {source.outlet}
        </p>
        <h1 className="font-serif text-2xl font-bold leading-snug sm:text-3xl">{source.headline}</h1>
        <p className="text-stone-700">
          {source.outlet}
          {source.via ? ` (via ${source.via})` : ""} · printed date “{source.datePrinted}” ·{" "}
          <WhenText date={source.publishedDate} precision={source.publishedPrecision} inferred={source.publishedInferred} reason={source.publishedReason} />
        </p>
        {source.publishedInferred && source.publishedReason ? (
          <details className="rounded-md border border-stone-200 bg-white px-3 py-2 text-sm">
            <summary className="cursor-pointer font-medium">How the date was inferred</summary>
            <p className="mt-2 text-stone-700">{source.publishedReason}</p>
          </details>
        ) : null}
      </header>

      <div className="rounded-lg border border-stone-200 bg-white px-4 py-5 font-serif text-lg leading-relaxed sm:px-6" data-testid="article-body">
        {paragraphs.map((segments, i) => (
          <p key={i} className="mb-4 last:mb-0">
            {segments.map((seg, j) =>
              seg.factIds.length ? (
                <mark
                  key={j}
                  id={seg.anchor}
                  data-facts={seg.factIds.join(" ")}
                  className="scroll-mt-24 rounded-sm bg-yellow-100 px-0.5 text-inherit [&.is-target]:bg-yellow-300 [&.is-target]:outline [&.is-target]:outline-2 [&.is-target]:outline-amber-600"
                >
                  {seg.text}
                </mark>
              ) : (
                <span key={j}>{seg.text}</span>
              ),
            )}
          </p>
        ))}
      </div>

      <section aria-labelledby="cited-heading" className="space-y-2">
        <h2 id="cited-heading" className="text-xl font-semibold">
          Facts cited from this article ({cited.length})
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          {cited.map((q) => (
            <li key={q.factId}>
              <a href={`#${q.factId}`} className="text-accent underline underline-offset-4">
                {q.statement}
              </a>
            </li>
          ))}
        </ol>
      </section>

      {source.removed.length ? (
        <section className="text-sm text-muted">
          <h2 className="font-semibold">Removed from the page as printed</h2>
          <ul className="list-disc pl-6">
            {source.removed.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
