import type { QuestionType } from "@/lib/generate/question";
import type { Feedback } from "./quiz-view";

function verdict(f: Feedback): { text: string; tone: string } {
  if (f.correct) return { text: "✓ Correct", tone: "border-green-300 bg-green-50 text-green-900" };
  if (f.partial > 0) return { text: `◐ Partly right (${Math.round(f.partial * 100)}% credit)`, tone: "border-amber-300 bg-amber-50 text-amber-900" };
  return { text: "✗ Not right", tone: "border-red-300 bg-red-50 text-red-900" };
}

/** "✓ Correct" / "◐ Partly right (67% credit)" / "✗ Not right": the words, not only a colour. */
export function verdictText(f: Feedback): string {
  return verdict(f).text.slice(2);
}

/** The lines of a timeline or matching answer; given lines say whether each is right, in words. */
function ListOf({ ordered, items }: { ordered: boolean; items: { text: string; right?: boolean }[] }) {
  const L = ordered ? "ol" : "ul";
  return (
    <L className={`ml-5 space-y-1 ${ordered ? "list-decimal" : "list-disc"}`}>
      {items.map((it, i) => (
        <li key={`${i}-${it.text}`}>
          {it.text}
          {it.right === undefined ? null : it.right ? (
            <span className="ml-1 text-sm font-medium text-green-800">{ordered ? "✓ right place" : "✓ right"}</span>
          ) : (
            <span className="ml-1 text-sm font-medium text-red-800">{ordered ? "✗ wrong place" : "✗ wrong"}</span>
          )}
        </li>
      ))}
    </L>
  );
}

/**
 * The feedback on one answer: the verdict in words, the right answer, what
 * was given, what is true instead (a true/false statement that was false),
 * whose claim it is (for claims), and each quote it rests on — the sentence
 * that states the answer, the step in words when it needs one — with its
 * outlet and a link to the sentence in its article. Plain links (full page loads): the
 * attempt lives on the server, so coming back resumes it.
 */
export function FeedbackBody({
  feedback,
  type,
  headingLevel = 3,
  givenLabel = "Your answer",
}: {
  feedback: Feedback;
  type: QuestionType;
  headingLevel?: 3 | 4;
  /** The teacher's attempt view says "The student's answer". */
  givenLabel?: string;
}) {
  const v = verdict(feedback);
  const H = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="space-y-3">
      <p className={`rounded-md border px-3 py-2 font-semibold ${v.tone}`} data-testid="verdict">
        {v.text}
      </p>
      <div className="space-y-1">
        <H className="text-sm font-medium text-stone-700">The answer</H>
        {feedback.expectedItems ? (
          <ListOf ordered={type === "timeline"} items={feedback.expectedItems.map((text) => ({ text }))} />
        ) : (
          <p className="font-semibold">{feedback.expected}</p>
        )}
      </div>
      <div className="space-y-1">
        <H className="text-sm font-medium text-stone-700">{givenLabel}</H>
        {feedback.givenItems ? (
          <ListOf ordered={type === "timeline"} items={feedback.givenItems} />
        ) : (
          <p className="break-words">{feedback.given}</p>
        )}
      </div>
      {feedback.truth ? (
        <div className="space-y-1">
          <H className="text-sm font-medium text-stone-700">What is true</H>
          <p data-testid="feedback-truth">{feedback.truth}</p>
        </div>
      ) : null}
      {feedback.note ? <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-800">{feedback.note}</p> : null}
      <div className="space-y-2">
        <H className="text-sm font-medium text-stone-700">{feedback.sources.length > 1 ? "The sources" : "The source"}</H>
        <ul className="space-y-3">
          {feedback.sources.map((s) => (
            <li key={`${s.link}|${s.quote}`} className="space-y-1">
              <blockquote className="border-l-4 border-stone-300 pl-3 font-serif text-stone-800" data-testid="feedback-quote">
                “{s.quote}”
              </blockquote>
              {s.step ? (
                <p className="text-sm text-stone-700" data-testid="feedback-step">
                  How the sentence says it: {s.step}
                </p>
              ) : null}
              <a href={s.link} className="inline-block py-1 text-accent underline underline-offset-4" data-testid="source-link">
                Read it in {s.outlet ?? "the article"}<span className="sr-only">: “{s.quote.slice(0, 60)}{s.quote.length > 60 ? "…" : ""}”</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
      {feedback.dateNotes.length ? (
        <ul className="space-y-1 text-sm text-stone-700" data-testid="feedback-date-notes">
          {feedback.dateNotes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
