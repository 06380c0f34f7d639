import type { Metadata } from "next";
import Link from "next/link";
import { studentProgress } from "@/lib/data/progress";
import { finishExpiredAttempts } from "@/lib/data/quiz-attempts";
import { formatInZone } from "../../_lib/zoned-format";
import { ReviewsChart } from "./reviews-chart";
import { pageUser } from "../../_lib/viewer";

export const metadata: Metadata = { title: "Progress" };

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)} %`);

export default async function ProgressPage() {
  const viewer = await pageUser("/progress");
  const now = new Date();
  // A timed quiz whose deadline has passed counts as finished, with the score it earned: written before the read.
  await finishExpiredAttempts({ userId: viewer.id }, now);
  const p = await studentProgress(viewer.id, now);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Your progress</h1>
      <section aria-labelledby="states" className="space-y-2">
        <h2 id="states" className="text-lg font-semibold">
          Cards
        </h2>
        <dl className="flex flex-wrap gap-3" data-testid="cards-by-state">
          {(
            [
              ["New", p.byState.new],
              ["Learning", p.byState.learning + p.byState.relearning],
              ["Review", p.byState.review],
            ] as const
          ).map(([label, n]) => (
            <div key={label} className="rounded-lg border border-stone-200 bg-white px-4 py-2">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-2xl font-semibold">{n}</dd>
            </div>
          ))}
          <div className="rounded-lg border border-stone-200 bg-white px-4 py-2">
            <dt className="text-sm text-muted">Streak</dt>
            <dd className="text-2xl font-semibold" data-testid="streak">
              {p.streak}
              {p.streakCapped ? "+" : ""} {p.streak === 1 ? "day" : "days"}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="chart" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="chart" className="text-lg font-semibold">
          Reviews per day
        </h2>
        <ReviewsChart days={p.days} />
      </section>
      <section aria-labelledby="recall" className="space-y-2">
        <h2 id="recall" className="text-lg font-semibold">
          Predicted recall by deck
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">Deck</th>
                <th scope="col" className="p-2">Studied</th>
                <th scope="col" className="p-2">Predicted recall now</th>
              </tr>
            </thead>
            <tbody>
              {p.decks.map((d) => (
                <tr key={d.id} className="border-b border-stone-200">
                  <th scope="row" className="p-2 font-medium">
                    <Link href={`/decks/${d.id}`} className="text-accent underline-offset-4 hover:underline">
                      {d.title}
                    </Link>
                  </th>
                  <td className="p-2">
                    {d.studied} / {d.cards}
                  </td>
                  <td className="p-2">{pct(d.recall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="quizzes" className="space-y-2">
        <h2 id="quizzes" className="text-lg font-semibold">
          Quiz history
        </h2>
        {p.quizzes.length === 0 ? (
          <p className="text-muted">No finished quizzes yet.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {p.quizzes.map((q) => (
              <li key={q.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                <Link href={`/quiz/${q.id}`} className="text-accent underline-offset-4 hover:underline">
                  {q.deckTitle}
                </Link>
                <span className="text-sm text-stone-700">
                  {formatInZone(q.startedAt, p.timeZone)} · {q.score ?? 0} / {q.maxScore}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
