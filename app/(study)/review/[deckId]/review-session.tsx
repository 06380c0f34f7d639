"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ReportItem } from "@/app/_components/report-item";
import type { DeckQueueJson as Queue } from "@/lib/data/reviews";
import { GRADE_NAMES, type Grade } from "@/lib/srs/grade";
import * as z from "zod/mini";
const summarySchema = z.object({ reviewed: z.number(), again: z.number(), ms: z.number(), updatedAt: z.optional(z.number()) });
type Summary = z.infer<typeof summarySchema>;

/** The summary kept in sessionStorage, or null when it is not one (another version of the page, or edited). */
function readSummary(saved: string): Summary | null {
  try {
    const r = summarySchema.safeParse(JSON.parse(saved));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** A summary untouched for this long belongs to an earlier session and starts afresh. */
const SESSION_GAP_MS = 60 * 60 * 1000;

const GRADES: { grade: Grade; name: string; key: string; tone: string }[] = [
  { grade: 1, name: GRADE_NAMES[1], key: "1", tone: "bg-red-700 hover:bg-red-800" },
  { grade: 2, name: GRADE_NAMES[2], key: "2", tone: "bg-amber-700 hover:bg-amber-800" },
  { grade: 3, name: GRADE_NAMES[3], key: "3", tone: "bg-green-700 hover:bg-green-800" },
  { grade: 4, name: GRADE_NAMES[4], key: "4", tone: "bg-blue-700 hover:bg-blue-800" },
];

/** The longest answer time a grade records (Anki caps it at 60 s by default; a pause is not study time). */
const MAX_ANSWER_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * POSTs JSON and retries on network failures and 5xx with the same body, so
 * a grade the student made is never lost (the server applies a review id once).
 * Offline, it keeps trying; a server that keeps failing gets a few tries and
 * then its error is shown, so the screen does not wait forever.
 */
const MAX_SERVER_ERROR_RETRIES = 5;
async function postWithRetry(url: string, body: unknown, onRetry: (n: number) => void): Promise<Response> {
  let serverErrors = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (res.status < 500) return res;
      if (++serverErrors > MAX_SERVER_ERROR_RETRIES) return res;
    } catch {
      /* offline or dropped: retry */
    }
    onRetry(attempt + 1);
    await sleep(Math.min(500 * 2 ** attempt, 8000));
  }
}

function formatSpent(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

function formatDue(iso: string | null): string {
  if (!iso) return "no cards scheduled yet";
  const d = new Date(iso);
  return d.toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

export function ReviewSession({ deckId, deckTitle, initial, doneExtra }: { deckId: string; deckTitle: string; initial: Queue; doneExtra?: React.ReactNode }) {
  const [queue, setQueue] = useState<Queue>(initial);
  const [revealed, setRevealed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastReviewId, setLastReviewId] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary>({ reviewed: 0, again: 0, ms: 0 });
  // The card is on screen (server-rendered) a moment before the keys work; `data-keys-ready` says when they do.
  const rootRef = useRef<HTMLDivElement>(null);
  const shownAt = useRef<number>(0);
  const lastGrade = useRef<{ again: boolean; ms: number } | null>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const storageKey = `factdeck:review:${deckId}`;

  // The session summary survives a reload or a visit to the source page.
  useEffect(() => {
    const saved = sessionStorage.getItem(storageKey);
    // sessionStorage only exists in the browser, so it is read after hydration;
    // a lazy initial state would make the server and client HTML differ.
    const restored = saved ? readSummary(saved) : null;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (restored && Date.now() - (restored.updatedAt ?? 0) < SESSION_GAP_MS) setSummary(restored);
    shownAt.current = performance.now();
  }, [storageKey]);
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify({ ...summary, updatedAt: Date.now() }));
  }, [storageKey, summary]);
  useEffect(() => {
    shownAt.current = performance.now();
  }, [queue.card?.cardId, queue.card?.version]);
  // Revealing moves focus to the answer, so a screen reader reads it and the
  // button that was pressed (now gone) does not leave focus on the page body.
  useEffect(() => {
    if (revealed) answerRef.current?.focus();
  }, [revealed]);

  const reload = useCallback(async () => {
    const res = await fetch(`/api/review/${deckId}/next`, { cache: "no-store" });
    if (res.ok) setQueue((await res.json()) as Queue);
    setRevealed(false);
  }, [deckId]);

  const grade = useCallback(
    async (g: Grade) => {
      const card = queue.card;
      if (!card || !revealed || saving) return;
      const reviewId = crypto.randomUUID();
      // A card left on screen for hours is not hours of study; the server refuses more than a day.
      const durationMs = Math.min(MAX_ANSWER_MS, Math.max(0, Math.round(performance.now() - shownAt.current)));
      setSaving(true);
      setNotice(null);
      const res = await postWithRetry(
        "/api/review/grade",
        { reviewId, deckId, cardId: card.cardId, grade: g, expectedVersion: card.version, durationMs },
        (n) => setNotice(`Saving your answer… (retry ${n}; it will not be lost)`),
      );
      setSaving(false);
      if (res.ok) {
        const body = (await res.json()) as { next: Queue };
        setSummary((s) => ({ reviewed: s.reviewed + 1, again: s.again + (g === 1 ? 1 : 0), ms: s.ms + durationMs }));
        lastGrade.current = { again: g === 1, ms: durationMs };
        setLastReviewId(reviewId);
        setQueue(body.next);
        setRevealed(false);
        setNotice(null);
      } else if (res.status === 409) {
        setNotice("This card changed in another tab or on another device. Here it is as it is now.");
        await reload();
      } else {
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        setNotice(body.error ?? "That answer could not be saved.");
      }
    },
    [deckId, queue.card, revealed, saving, reload],
  );

  const undo = useCallback(async () => {
    if (!lastReviewId || saving) return;
    setSaving(true);
    const res = await postWithRetry("/api/review/undo", { reviewId: lastReviewId, deckId }, (n) => setNotice(`Undoing… (retry ${n})`));
    setSaving(false);
    if (res.ok) {
      const body = (await res.json()) as { next: Queue };
      setQueue(body.next);
      setRevealed(false);
      setLastReviewId(null);
      const undone = lastGrade.current;
      lastGrade.current = null;
      setSummary((s) => ({
        reviewed: Math.max(0, s.reviewed - 1),
        again: Math.max(0, s.again - (undone?.again ? 1 : 0)),
        ms: Math.max(0, s.ms - (undone?.ms ?? 0)),
      }));
      setNotice("Last grade undone.");
    } else {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      setNotice(body.error ?? "Nothing to undo.");
    }
  }, [deckId, lastReviewId, saving]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      // Space and Enter belong to a focused button or link (Again, Undo, the
      // source link, the card itself): the browser activates it.
      if ((e.key === " " || e.key === "Enter") && t?.closest("button, a, select, summary, [role='button']")) return;
      if (e.key === "u" || e.key === "U") {
        e.preventDefault();
        void undo();
        return;
      }
      if (!queue.card) return;
      if (!revealed) {
        if (e.key === " " || e.key === "Enter") {
          e.preventDefault();
          setRevealed(true);
        }
        return;
      }
      if (e.key === " " || e.key === "Enter") {
        e.preventDefault();
        void grade(3);
      } else if (["1", "2", "3", "4"].includes(e.key)) {
        e.preventDefault();
        void grade(Number(e.key) as Grade);
      }
    };
    window.addEventListener("keydown", onKey);
    rootRef.current?.setAttribute("data-keys-ready", "");
    return () => window.removeEventListener("keydown", onKey);
  }, [queue.card, revealed, grade, undo]);

  const { counts, card } = queue;
  return (
    <div className="flex min-h-[70dvh] flex-col gap-4 pb-40 sm:pb-0" ref={rootRef}>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-label="Cards left today" className="flex gap-3 font-medium">
          <span className="text-blue-800">{counts.new} new</span>
          <span className="text-red-800">{counts.learning} learning</span>
          <span className="text-green-800">{counts.review} due</span>
        </p>
        {/* On phones, Undo sits with the grade buttons at the bottom while a card is on screen. */}
        <button
          type="button"
          onClick={() => void undo()}
          disabled={!lastReviewId || saving}
          className={`min-h-11 rounded-md border border-stone-300 px-3 py-2 disabled:opacity-50 ${queue.card ? "hidden sm:inline-block" : ""}`}
        >
          Undo <kbd className="hidden text-xs text-muted sm:inline">u</kbd>
        </button>
      </div>
      <div aria-live="polite" role="status" className="min-h-6 text-sm text-stone-800">
        {notice}
      </div>

      {card ? (
        <>
          <section aria-label="Card" className="rounded-xl border border-stone-200 bg-white shadow-sm">
            {revealed ? (
              <div ref={answerRef} tabIndex={-1} role="group" aria-label="Answer" className="space-y-4 p-5 outline-none sm:p-8" data-testid="card-answer">
                <p className="text-lg text-stone-700">{card.front}</p>
                <hr className="border-stone-200" />
                <p className="text-xl font-semibold" data-testid="card-back">
                  {card.back}
                </p>
                <blockquote className="border-l-4 border-yellow-300 pl-3 font-serif text-stone-800">“{card.quote}”</blockquote>
                {card.step ? (
                  <p className="text-sm text-stone-700" data-testid="card-step">
                    How the sentence says it: {card.step}
                  </p>
                ) : null}
                <a href={card.link} target="_blank" rel="noreferrer" className="inline-block text-accent underline underline-offset-4">
                  Read it in {card.outlet} (opens in a new tab)
                </a>
                <ReportItem key={card.cardId} target={{ kind: "card", itemId: card.cardId }} />
              </div>
            ) : (
              <button
                type="button"
                onClick={() => setRevealed(true)}
                className="block min-h-56 w-full rounded-xl p-5 text-left sm:p-8"
                aria-describedby="reveal-hint"
              >
                <span className="block text-xl font-medium leading-relaxed" data-testid="card-front">
                  {card.front}
                </span>
                <span id="reveal-hint" className="mt-6 block text-sm text-muted">
                  Tap the card, or press Space, to show the answer.
                </span>
              </button>
            )}
          </section>

          <div className="fixed inset-x-0 bottom-0 border-t border-stone-200 bg-white/95 p-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:static sm:border-0 sm:bg-transparent sm:p-0">
            <div className="mx-auto mb-2 flex max-w-4xl justify-end sm:hidden">
              <button type="button" onClick={() => void undo()} disabled={!lastReviewId || saving} className="min-h-11 rounded-md border border-stone-300 bg-white px-4 disabled:opacity-50">
                Undo last grade
              </button>
            </div>
            {revealed ? (
              <div className="mx-auto grid max-w-4xl grid-cols-4 gap-2" role="group" aria-label="How well did you know it?">
                {GRADES.map((g) => (
                  <button
                    key={g.grade}
                    type="button"
                    disabled={saving}
                    onClick={() => void grade(g.grade)}
                    className={`flex min-h-16 flex-col items-center justify-center rounded-lg px-1 py-2 text-white disabled:opacity-60 ${g.tone}`}
                  >
                    <span className="text-base font-semibold">{g.name}</span>
                    <span className="text-sm opacity-90">{card.previews[g.grade]}</span>
                    <span className="sr-only">, key {g.key}</span>
                  </button>
                ))}
              </div>
            ) : (
              <button type="button" onClick={() => setRevealed(true)} className="mx-auto block min-h-14 w-full max-w-4xl rounded-lg bg-stone-900 px-4 text-lg font-semibold text-white">
                Show answer
              </button>
            )}
          </div>
        </>
      ) : (
        <section aria-labelledby="done-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-6">
          <h2 id="done-heading" className="text-xl font-semibold">
            Done for now with “{deckTitle}”
          </h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="session-summary">
            <div>
              <dt className="text-sm text-muted">Cards reviewed</dt>
              <dd className="text-2xl font-semibold">{summary.reviewed}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">Again</dt>
              <dd className="text-2xl font-semibold">{summary.again}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">Time spent</dt>
              <dd className="text-2xl font-semibold">{formatSpent(summary.ms)}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">Next due</dt>
              <dd className="text-base font-semibold">{formatDue(queue.nextDue)}</dd>
            </div>
          </dl>
          {doneExtra}
        </section>
      )}
    </div>
  );
}
