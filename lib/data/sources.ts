import { z } from "zod";
import { getDb, type DbTx } from "../db";
import { sourceListSelect } from "./corpus-summary";
import { cachedCorpusSummary, perCorpusVersion } from "./corpus-cache";

const sourceDetailSelect = {
  ...sourceListSelect,
  publishedReason: true,
  dateline: true,
  removedJson: true,
  body: true,
} as const;

/** What the timeline reads of a stored fact (`Fact.dataJson`, the corpus entry): its date's part of the month and why. */
const storedFactWhenSchema = z.looseObject({
  when: z.looseObject({ part: z.enum(["early", "mid", "late"]).optional(), reason: z.string().optional() }).nullish(),
});

/** All sources, oldest first (the home page's list, kept per corpus version). */
export async function listSources(db: DbTx = getDb()) {
  return (await cachedCorpusSummary(db)).sources;
}

/** One article with the quotes of its (current) facts, or null. */
export async function getSourceWithQuotes(slug: string, db: DbTx = getDb()) {
  const source = await db.source.findUnique({ where: { slug }, select: sourceDetailSelect });
  if (!source) return null;
  const quotes = await db.factSource.findMany({
    where: { sourceSlug: slug, fact: { retired: false } },
    select: { factId: true, start: true, end: true, fact: { select: { statement: true, sortKey: true } } },
    orderBy: { start: "asc" },
  });
  return {
    ...source,
    removed: z.array(z.string()).parse(JSON.parse(source.removedJson)),
    quotes: quotes.map((q) => ({ factId: q.factId, start: q.start, end: q.end, statement: q.fact.statement })),
  };
}

/** Every current fact in date order with where it is quoted: the timeline (kept per corpus version). */
export const listFactTimeline = perCorpusVersion(factTimeline);

async function factTimeline(db: DbTx) {
  const facts = await db.fact.findMany({
    where: { retired: false },
    select: {
      id: true,
      statement: true,
      kind: true,
      whenDate: true,
      whenPrecision: true,
      whenInferred: true,
      contested: true,
      attributed: true,
      dataJson: true,
      sources: { select: { sourceSlug: true, position: true, source: { select: { outlet: true } } }, orderBy: { position: "asc" } },
    },
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
  });
  return facts.map(({ dataJson, ...f }) => {
    const data = storedFactWhenSchema.parse(JSON.parse(dataJson));
    return { ...f, whenPart: data.when?.part, whenReason: data.when?.reason, sources: [...new Map(f.sources.map((s) => [s.sourceSlug, { slug: s.sourceSlug, outlet: s.source.outlet }])).values()] };
  });
}
