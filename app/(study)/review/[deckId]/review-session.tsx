"use client";

import "@/lib/offline/zod-browser";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { ReportItem } from "@/app/_components/report-item";
import type { DeckQueueJson as Queue } from "@/lib/data/reviews";
import { GRADE_NAMES, type Grade } from "@/lib/srs/grade";
import { deckSnapshotSchema, type DeckSnapshot, type DeckSnapshotJson } from "@/lib/offline/deck-snapshot";
import { gradeLocally, localQueue, undoLocally } from "@/lib/offline/local-review";
import { gradeBody, sendVerdict, type OutboxItem } from "@/lib/offline/outbox";
import { hasQueued, loadDeck, pendingGrades, queueGrade, removeQueued, saveDeck, unqueueGrade } from "@/lib/offline/device-store";
import { keyboardShortcutsOn } from "./keyboard-preference";
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
/** While grades wait and the browser says it is online, the queue is tried again this often. */
const RETRY_MS = 10_000;
/** A horizontal swipe of the revealed card longer than this grades it (left Again, right Good). */
const SWIPE_PX = 80;

function formatSpent(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

function formatDue(iso: string | null): string {
  if (!iso) return "no cards scheduled yet";
  const d = new Date(iso);
  return d.toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

async function post(url: string, body: unknown): Promise<Response | null> {
  try {
    return await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return null; // offline or dropped
  }
}

/**
 * The review screen. It grades on the device from a snapshot of the deck
 * (lib/offline: the same lib/srs rules as the server), keeps each grade in
 * the device's outbox (IndexedDB, keyed by account) and sends the outbox in
 * order until each grade is acknowledged: right away, when the browser is
 * online again and when the page becomes visible. Offline it goes on from
 * the snapshot; the server merges grades of a card that changed elsewhere.
 */
export function ReviewSession({ userId, deckId, deckTitle, initial, snapshot, doneExtra }: { userId: string; deckId: string; deckTitle: string; initial: Queue; snapshot: DeckSnapshotJson; doneExtra?: React.ReactNode }) {
  const [queue, setQueue] = useState<Queue>(initial);
  const [snap, setSnap] = useState<DeckSnapshot | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const [revealed, setRevealedState] = useState(false);
  // What is on screen, read synchronously: a key, tap or swipe that lands
  // before React re-renders must act on the card it was aimed at, once.
  const revealedRef = useRef(false);
  const setRevealed = useCallback((v: boolean) => {
    revealedRef.current = v;
    setRevealedState(v);
  }, []);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastReviewId, setLastReviewId] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary>({ reviewed: 0, again: 0, ms: 0 });
  const [pending, setPending] = useState(0);
  const [online, setOnline] = useState(true);
  const [keysOn, setKeysOn] = useState(true);
  const rootRef = useRef<HTMLDivElement>(null);
  const shownAt = useRef<number>(0);
  const lastGrade = useRef<{ again: boolean; ms: number } | null>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const snapRef = useRef<DeckSnapshot | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const gradesMade = useRef(0);
  const seq = useRef(0);
  const swipeStart = useRef<{ x: number; y: number } | null>(null);
  const storageKey = `factdeck:review:${deckId}`;

  const commit = useCallback((s: DeckSnapshot) => {
    snapRef.current = s;
    setSnap(s);
  }, []);
  /** Network and IndexedDB work runs one step at a time, in order (a grade's send, an undo, a refresh). */
  const enqueue = useCallback((op: () => Promise<void>) => {
    chain.current = chain.current.then(op).catch(() => undefined);
    return chain.current;
  }, []);
  const countPending = useCallback(async () => setPending((await pendingGrades(userId)).length), [userId]);

  /** A fresh snapshot from the server, kept only if nothing was graded meanwhile and nothing waits. */
  const refresh = useCallback(async () => {
    const made = gradesMade.current;
    let res: Response;
    try {
      res = await fetch(`/api/review/${deckId}/offline`, { cache: "no-store" });
    } catch {
      return;
    }
    if (!res.ok) return;
    const parsed = deckSnapshotSchema.safeParse(await res.json());
    if (!parsed.success || parsed.data.userId !== userId) return;
    if (made !== gradesMade.current || (await pendingGrades(userId)).some((i) => i.deckId === deckId)) return;
    await saveDeck(parsed.data);
    commit(parsed.data);
  }, [deckId, userId, commit]);

  /** Sends the account's queued grades in order; stops at the first that cannot go now. */
  const flush = useCallback(async () => {
    let stale = false;
    for (const item of await pendingGrades(userId)) {
      const res = await post("/api/review/grade", gradeBody(item));
      const verdict = sendVerdict(res?.status ?? null);
      if (!res) setOnline(false);
      else setOnline(true);
      if (verdict === "retry-later") {
        if (res?.status === 401) setNotice("You are signed out: sign in again and your grades will be sent.");
        break;
      }
      if (verdict === "acknowledged") {
        const body = (await res!.json().catch(() => ({}))) as { outcome?: { version?: number; due?: string } };
        if (body.outcome?.version !== item.versionAfter || body.outcome?.due !== item.dueAfter) stale = true;
      } else {
        const body = (await res!.json().catch(() => ({}))) as { error?: string };
        setNotice(`A grade was not kept: ${body.error ?? `the server answered ${res!.status}`}`);
        stale = true;
      }
      await removeQueued(item.reviewId);
      await countPending();
    }
    await countPending();
    if (stale && (await pendingGrades(userId)).length === 0) await refresh();
  }, [userId, countPending, refresh]);

  // The device's copy: the stored snapshot when it is ahead of the page's (grades waiting, or newer), else the page's.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const fromPage = deckSnapshotSchema.parse(snapshot);
      let chosen = fromPage;
      try {
        const stored = await loadDeck(userId, deckId);
        const waiting = (await pendingGrades(userId)).filter((i) => i.deckId === deckId);
        if (stored && (waiting.length > 0 || stored.fetchedAt >= fromPage.fetchedAt)) chosen = stored;
        else await saveDeck(fromPage);
      } catch {
        /* no IndexedDB (a private window): grades still go out from memory while online */
      }
      if (cancelled) return;
      commit(chosen);
      setKeysOn(keyboardShortcutsOn());
      setOnline(navigator.onLine);
      void countPending().catch(() => undefined);
      void enqueue(flush);
    })();
    return () => {
      cancelled = true;
    };
    // The page's snapshot is read once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId, deckId]);

  // The queue shown is the device's, once it has its copy.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (snap) setQueue(localQueue(snap, new Date(), pinned));
  }, [snap, pinned]);

  // Replays: when the browser is online again, when the page is visible again, and every few seconds while grades wait.
  useEffect(() => {
    const onOnline = () => {
      setOnline(true);
      void enqueue(flush);
    };
    const onOffline = () => setOnline(false);
    const onVisible = () => {
      if (document.visibilityState === "visible") void enqueue(flush);
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    document.addEventListener("visibilitychange", onVisible);
    const timer = setInterval(() => {
      if (pending > 0 && navigator.onLine) void enqueue(flush);
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(timer);
    };
  }, [enqueue, flush, pending]);

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

  const grade = useCallback(
    async (g: Grade) => {
      const card = queue.card;
      const s = snapRef.current;
      // One grade per reveal: a second key or tap before the next card shows
      // (the first grade is still being written) is not a second review.
      if (!card || !revealedRef.current || !s) return;
      revealedRef.current = false;
      const reviewId = crypto.randomUUID();
      // A card left on screen for hours is not hours of study; the server refuses more than a day.
      const durationMs = Math.min(MAX_ANSWER_MS, Math.max(0, Math.round(performance.now() - shownAt.current)));
      const { snapshot: next, expectedVersion, reviewedAt } = gradeLocally(s, { reviewId, cardId: card.cardId, grade: g, now: new Date(), durationMs });
      const after = next.cards.find((c) => c.id === card.cardId)!.state!;
      const item: OutboxItem = {
        reviewId,
        userId,
        deckId,
        cardId: card.cardId,
        grade: g,
        expectedVersion,
        durationMs,
        reviewedAt: reviewedAt.toISOString(),
        seq: Date.now() * 1000 + (seq.current++ % 1000),
        versionAfter: after.version,
        dueAfter: after.due.toISOString(),
      };
      gradesMade.current++;
      try {
        await queueGrade(next, item);
      } catch {
        setNotice("This grade could not be kept on the device; it is being sent now.");
        void post("/api/review/grade", gradeBody(item));
      }
      commit(next);
      setPinned(null);
      setSummary((x) => ({ reviewed: x.reviewed + 1, again: x.again + (g === 1 ? 1 : 0), ms: x.ms + durationMs }));
      lastGrade.current = { again: g === 1, ms: durationMs };
      setLastReviewId(reviewId);
      setRevealed(false);
      setNotice(null);
      setPending((n) => n + 1);
      void enqueue(flush);
    },
    [queue.card, setRevealed, userId, deckId, commit, enqueue, flush],
  );

  const undo = useCallback(async () => {
    const reviewId = lastReviewId;
    if (!reviewId) return;
    setLastReviewId(null);
    await enqueue(async () => {
      const s = snapRef.current;
      if (!s) return;
      const cardId = s.local.at(-1)?.reviewId === reviewId ? s.local.at(-1)!.cardId : null;
      if (await hasQueued(reviewId)) {
        // Never sent: it is taken back on the device alone.
        const back = undoLocally(s, reviewId);
        if (!back) return;
        await unqueueGrade(back, reviewId);
        commit(back);
        setPinned(cardId);
      } else {
        const res = await post("/api/review/undo", { reviewId, deckId });
        if (!res) {
          setLastReviewId(reviewId);
          setNotice("That grade was synced already: undoing it needs the connection.");
          return;
        }
        const body = (await res.json().catch(() => ({}))) as { error?: string; next?: { card?: { cardId?: string } } };
        if (!res.ok) {
          setNotice(body.error ?? "Nothing to undo.");
          return;
        }
        const back = undoLocally(s, reviewId);
        if (back) {
          await saveDeck(back);
          commit(back);
        } else await refresh();
        setPinned(body.next?.card?.cardId ?? cardId);
      }
      await countPending();
      setRevealed(false);
      const undone = lastGrade.current;
      lastGrade.current = null;
      setSummary((x) => ({
        reviewed: Math.max(0, x.reviewed - 1),
        again: Math.max(0, x.again - (undone?.again ? 1 : 0)),
        ms: Math.max(0, x.ms - (undone?.ms ?? 0)),
      }));
      setNotice("Last grade undone.");
    });
  }, [deckId, lastReviewId, enqueue, commit, refresh, countPending, setRevealed]);

  // A layout effect: the listener for a new card is in place before the card
  // is painted, so a key pressed as it appears never reaches the last card's.
  useLayoutEffect(() => {
    if (!snap) return;
    rootRef.current?.setAttribute("data-keys-ready", "");
    if (!keysOn) return;
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
      if (!revealedRef.current) {
        if (revealed) return; // a grade is being written: its card is leaving
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
    return () => window.removeEventListener("keydown", onKey);
  }, [snap, keysOn, queue.card, revealed, setRevealed, grade, undo]);

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.pointerType !== "mouse") swipeStart.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const start = swipeStart.current;
    swipeStart.current = null;
    if (!start) return;
    const dx = e.clientX - start.x;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 2 * Math.abs(e.clientY - start.y)) void grade(dx < 0 ? 1 : 3);
  };

  const { counts, card } = queue;
  const ready = snap !== null;
  const syncText = !online
    ? `Offline — ${pending === 0 ? "your grades are kept on this device" : `${pending} ${pending === 1 ? "grade" : "grades"} waiting to sync`}`
    : pending > 0
      ? `${pending} ${pending === 1 ? "grade" : "grades"} waiting to sync…`
      : "Synced";
  return (
    // data-review-screen: on a phone the site header folds away while this is on the page (globals.css), from the first paint.
    <div className="flex min-h-[70dvh] flex-col gap-4 pb-48 sm:pb-0" ref={rootRef} data-review-screen="">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-label="Cards left today" className="flex gap-3 font-medium">
          <span className="text-blue-800">{counts.new} new</span>
          <span className="text-red-800">{counts.learning} learning</span>
          <span className="text-green-800">{counts.review} due</span>
        </p>
        <p data-testid="sync-status" data-pending={pending} data-online={online ? "yes" : "no"} className={`rounded-full px-2 py-0.5 text-sm font-medium ${!online ? "bg-stone-800 text-white" : pending > 0 ? "bg-amber-100 text-amber-900" : "bg-green-100 text-green-900"}`}>
          {ready ? syncText : "Loading…"}
        </p>
        {/* On phones, Undo sits with the grade buttons at the bottom while a card is on screen. */}
        <button
          type="button"
          onClick={() => void undo()}
          disabled={!lastReviewId}
          className={`min-h-11 rounded-md border border-stone-300 px-3 py-2 disabled:opacity-50 ${queue.card ? "hidden sm:inline-block" : ""}`}
        >
          Undo {keysOn ? <kbd className="hidden text-xs text-muted sm:inline">u</kbd> : null}
        </button>
      </div>
      <div aria-live="polite" role="status" className="min-h-6 text-sm text-stone-800">
        {notice}
      </div>

      {card ? (
        <>
          <section aria-label="Card" className="rounded-xl border border-stone-200 bg-white shadow-sm">
            {revealed ? (
              <div
                ref={answerRef}
                tabIndex={-1}
                role="group"
                aria-label="Answer"
                className="touch-pan-y space-y-4 break-words p-3 outline-none min-[360px]:p-5 sm:p-8"
                data-testid="card-answer"
                onPointerDown={onPointerDown}
                onPointerUp={onPointerUp}
              >
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
                <a href={card.link} target="_blank" rel="noreferrer" className="inline-block py-2 text-accent underline underline-offset-4">
                  Read it in {card.outlet} (opens in a new tab)
                </a>
                <p className="text-sm text-muted sm:hidden">Or swipe the card: left for Again, right for Good.</p>
                <ReportItem key={card.cardId} target={{ kind: "card", itemId: card.cardId }} />
              </div>
            ) : (
              <button
                type="button"
                onClick={() => setRevealed(true)}
                className="block min-h-56 w-full break-words rounded-xl p-3 text-left min-[360px]:p-5 sm:p-8"
                aria-describedby="reveal-hint"
              >
                <span className="block text-xl font-medium leading-relaxed" data-testid="card-front">
                  {card.front}
                </span>
                <span id="reveal-hint" className="mt-6 block text-sm text-muted">
                  {keysOn ? "Tap the card, or press Space, to show the answer." : "Tap the card to show the answer."}
                </span>
              </button>
            )}
          </section>

          <div className="fixed inset-x-0 bottom-0 z-10 border-t border-stone-200 bg-white p-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:static sm:border-0 sm:bg-transparent sm:p-0">
            <div className="mx-auto mb-2 flex max-w-4xl justify-end sm:hidden">
              <button type="button" onClick={() => void undo()} disabled={!lastReviewId} className="min-h-11 rounded-md border border-stone-300 bg-white px-4 disabled:opacity-50">
                Undo last grade
              </button>
            </div>
            {revealed ? (
              <div className="mx-auto grid max-w-4xl grid-cols-2 gap-2 min-[360px]:grid-cols-4" role="group" aria-label="How well did you know it?">
                {GRADES.map((g) => (
                  <button
                    key={g.grade}
                    type="button"
                    disabled={!ready}
                    onClick={() => void grade(g.grade)}
                    className={`flex min-h-16 flex-col items-center justify-center rounded-lg px-1 py-2 text-white disabled:opacity-60 ${g.tone}`}
                  >
                    <span className="text-base font-semibold">{g.name}</span>
                    <span className="text-sm opacity-90">{card.previews[g.grade]}</span>
                    {keysOn ? <span className="sr-only">, key {g.key}</span> : null}
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
      {keysOn ? <p className="hidden text-sm text-muted sm:block">Keys: Space or Enter shows the answer, then 1–4 grade (Space or Enter = Good), u undoes. Turn them off in Settings.</p> : null}
    </div>
  );
}
