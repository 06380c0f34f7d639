"use client";

import { useId, useState } from "react";
import { REPORT_NOTE_MAX, REPORT_REASON_IDS, REPORT_REASONS, type ReportReason } from "@/lib/reports/report-reasons";

export type ReportTarget = { kind: "question"; attemptId: string; itemId: string } | { kind: "card"; itemId: string };

type Saved = { reason: ReportReason; note: string | null };

/**
 * "Report a problem" under a quiz feedback or a card's back: a reason from
 * the fixed list and an optional note, sent to `POST /api/item-reports`.
 * One report per student and item: opening it again shows the report sent
 * (read from `GET /api/item-reports`) to change it. Self-contained, so the
 * quiz and the review screen each insert it with one line.
 */
export function ReportItem({ target }: { target: ReportTarget }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<Saved | null>(null);
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function toggle() {
    const next = !open;
    setOpen(next);
    setStatus(null);
    if (!next || saved) return;
    try {
      const res = await fetch(`/api/item-reports?kind=${target.kind}&itemId=${encodeURIComponent(target.itemId)}`);
      if (!res.ok) return;
      const body = (await res.json()) as { report: Saved | null };
      if (body.report) {
        setSaved(body.report);
        setReason(body.report.reason);
        setNote(body.report.note ?? "");
      }
    } catch {
      // Offline: the form still opens empty; sending says what went wrong.
    }
  }

  async function send(e: React.FormEvent) {
    e.preventDefault();
    if (!reason) {
      setStatus({ tone: "error", text: "Choose a reason first." });
      return;
    }
    setPending(true);
    setStatus(null);
    try {
      const res = await fetch("/api/item-reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...target, reason, note }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string; reason?: ReportReason; note?: string | null; created?: boolean };
      if (!res.ok) {
        setStatus({ tone: "error", text: res.status === 401 ? "Your session has ended. Sign in again to send the report." : (body.error ?? "The report could not be sent.") });
        return;
      }
      setSaved({ reason, note: body.note ?? null });
      setStatus({ tone: "ok", text: saved ? "Your report is updated. Thank you." : "Thank you: your teacher and the people who write the questions will see it." });
    } catch {
      setStatus({ tone: "error", text: "Could not reach Factdeck. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="text-sm" data-testid="report-item">
      <button type="button" onClick={() => void toggle()} aria-expanded={open} aria-controls={`${id}-form`} className="min-h-11 py-2 text-stone-700 underline underline-offset-4">
        {saved ? "Your problem report (change it)" : "Report a problem"}
      </button>
      {open ? (
        <form id={`${id}-form`} onSubmit={(e) => void send(e)} className="mt-2 space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3">
          <fieldset className="space-y-1">
            <legend className="font-medium">What is wrong?</legend>
            {REPORT_REASON_IDS.map((r) => (
              <label key={r} className="flex min-h-9 items-center gap-2">
                <input type="radio" name={`${id}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} />
                {REPORT_REASONS[r]}
              </label>
            ))}
          </fieldset>
          <label className="block space-y-1">
            <span className="font-medium">Note (optional)</span>
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={REPORT_NOTE_MAX}
              rows={2}
              className="block w-full rounded-md border border-stone-300 bg-white px-2 py-1"
            />
          </label>
          <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium disabled:opacity-60">
            {pending ? "Sending…" : saved ? "Update the report" : "Send the report"}
          </button>
          {status ? (
            <p role={status.tone === "error" ? "alert" : "status"} className={status.tone === "error" ? "text-red-800" : "text-green-800"} data-testid="report-status">
              {status.text}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
