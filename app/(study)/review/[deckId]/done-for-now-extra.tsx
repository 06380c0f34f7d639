import type { DeckStudyPlan } from "@/lib/data/deck-allowance";
import { formatInZone } from "@/app/_lib/zoned-format";
import { StudyMoreForm } from "../../decks/study-more-form";
import { RefreshWhenShown } from "./refresh-when-shown";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What is left of one review assignment, in words. */
export function assignmentLine(a: DeckStudyPlan["assignments"][number]): string {
  if (a.remaining === 0) return "Every card studied.";
  const left = `${plural(a.remaining, "card")} of ${a.totalCards} left`;
  if (a.upcoming) return `${left}; it opens later.`;
  if (a.todayLeft > 0) return `${left}: ${plural(a.todayLeft, "new card")} more today keeps you on track.`;
  const rest = a.daysLeft === 2 ? "; the rest tomorrow" : a.daysLeft > 2 ? `; the rest over the next ${a.daysLeft - 1} days` : "";
  return `${left}: today's share is done${rest}.`;
}

/**
 * The review page's part of "Done for now" (server-rendered, passed to the
 * review screen): what is left of each review assignment on the deck and
 * when it is due, then "study more". `renderedWithCard`: this was rendered
 * while a card was on screen, so it refreshes itself when shown.
 */
export function DoneForNowExtra({ deckId, plan, renderedWithCard }: { deckId: string; plan: DeckStudyPlan; renderedWithCard: boolean }) {
  return (
    <div className="space-y-4 border-t border-stone-200 pt-4" data-testid="done-for-now-extra">
      <RefreshWhenShown stale={renderedWithCard} />
      {plan.assignments.length ? (
        <section aria-labelledby="done-assignments" className="space-y-2">
          <h3 id="done-assignments" className="font-semibold">
            Assignments on this deck
          </h3>
          <ul className="space-y-2" data-testid="done-assignments">
            {plan.assignments.map((a) => (
              <li key={a.id} className="rounded-md border border-stone-200 p-3">
                <p className="font-medium break-words">
                  {a.title} <span className="font-normal text-muted">· {a.className}</span>
                </p>
                <p className="text-sm">Due {formatInZone(a.dueAt, a.timeZone)}</p>
                <p className="text-sm text-stone-700">{assignmentLine(a)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="done-study-more" className="space-y-2">
        <h3 id="done-study-more" className="font-semibold">
          Study more
        </h3>
        <StudyMoreForm deckId={deckId} from="review" moreNewLeft={plan.studyMore.moreNewLeft} aheadDays={plan.studyMore.aheadDays} />
      </section>
    </div>
  );
}
