import Link from "next/link";
import type { StudentAssignment } from "@/lib/data/assignments";
import { ActionButton } from "@/app/_components/action-button";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatInZone, formatPercent } from "../../_lib/zoned-format";
import { leaveClassAction } from "../join/actions";
import { StartButton } from "./start-button";


function startLabel(a: StudentAssignment): string | null {
  if (a.upcoming) return null;
  if (a.kind === "review") return a.status.status === "done" ? "Review again" : a.status.status === "not-started" ? "Start" : "Continue";
  if (a.openAttemptId) return "Resume";
  if (a.attemptsAllowed !== null && a.attemptsUsed >= a.attemptsAllowed) return null;
  return a.attemptsUsed > 0 ? "Try again" : "Start";
}

/**
 * The student's assignments, soonest due first, each with its status and
 * one button to start or resume; then their classes, with "leave".
 */
export function AssignmentsSection({
  assignments,
  classes,
  now,
  isStudent,
}: {
  assignments: StudentAssignment[];
  classes: { id: string; name: string; teacherName: string; archived: boolean }[];
  now: Date;
  isStudent: boolean;
}) {
  if (!isStudent && classes.length === 0) return null;
  return (
    <section aria-labelledby="assignments-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="assignments-heading" className="text-xl font-semibold">
          Assignments
        </h2>
        <Link href="/join" className="text-accent underline underline-offset-4">
          Join a class
        </Link>
      </div>
      {assignments.length === 0 ? (
        <p className="text-stone-700">{classes.length ? "Nothing assigned yet." : "Join a class with the code your teacher gives you to see assignments here."}</p>
      ) : (
        <ul className="space-y-3" data-testid="assignments">
          {assignments.map((a) => {
            const label = startLabel(a);
            const overdue = a.dueAt.getTime() < now.getTime();
            return (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white p-4">
                <div className="min-w-0 space-y-1">
                  <h3 className="font-semibold break-words">{a.title}</h3>
                  <p className="text-sm text-stone-700">
                    {a.kind === "quiz" ? "Quiz" : "Review"} · {a.className}
                  </p>
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <StatusBadge status={a.status.status} late={a.status.late} />
                    <span className={overdue && a.status.status !== "done" ? "font-medium text-red-800" : undefined}>
                      {a.upcoming ? `Opens ${formatInZone(a.openAt, a.timeZone)} · ` : ""}Due {formatInZone(a.dueAt, a.timeZone)}
                    </span>
                  </p>
                  <p className="text-sm text-muted">
                    {a.kind === "review"
                      ? `${formatPercent(a.status.progress)} of cards studied`
                      : `${a.attemptsUsed} of ${a.attemptsAllowed} attempt${a.attemptsAllowed === 1 ? "" : "s"} used${a.bestScore !== null ? ` · best ${formatPercent(a.bestScore)}` : ""}`}
                  </p>
                </div>
                {label ? <StartButton assignmentId={a.id} label={label} title={a.title} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      {classes.length ? (
        <details className="rounded-lg border border-stone-200 bg-white p-3">
          <summary className="cursor-pointer font-medium">Your classes ({classes.length})</summary>
          <ul className="mt-2 divide-y divide-stone-200">
            {classes.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {c.name} <span className="text-sm text-muted">· {c.teacherName}{c.archived ? " · archived" : ""}</span>
                </span>
                {c.archived ? (
                  <span className="text-sm text-muted">Archived: read-only</span>
                ) : (
                  <ActionButton
                    action={leaveClassAction}
                    hidden={{ classId: c.id }}
                    label="Leave"
                    accessibleLabel={`Leave ${c.name}`}
                    pendingLabel="Leaving…"
                    tone="danger"
                    confirm={`Leave ${c.name}? Your teacher can no longer see your work for it. If you join again, your extra time comes back with you.`}
                  />
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
