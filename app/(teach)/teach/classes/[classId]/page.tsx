import type { Metadata } from "next";
import Link from "next/link";
import { listRoster } from "@/lib/data/classes";
import { listClassAssignments } from "@/lib/data/assignments";
import { formatJoinCode } from "@/lib/classes/join-code";
import { authBaseURL } from "@/lib/auth/auth-server";
import { classOr404 } from "../../load";
import { formatInZone } from "@/app/_lib/zoned-format";
import { ActionButton } from "@/app/_components/action-button";
import { removeMemberAction, rotateJoinCodeAction, setClassArchivedAction } from "../../actions";
import { MultiplierForm } from "./multiplier-form";
import { listClassAudit } from "@/lib/data/class-audit";
import { AuditLog } from "./audit-log";
import { CopyLink } from "./join/copy-link";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { classId } = await params;
  const { klass } = await classOr404(classId, (id) => `/teach/classes/${id}`);
  const notice = (await searchParams).notice;
  const [roster, assignments, audit] = await Promise.all([listRoster(klass.id), listClassAssignments(klass.id), listClassAudit(klass.id)]);
  const archived = klass.archivedAt !== null;
  const code = formatJoinCode(klass.joinCode);
  const link = `${authBaseURL()}/join/${klass.joinCode}`;
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/teach" className="text-accent underline underline-offset-4">
          ← Teach
        </Link>
      </p>
      {notice === "assignment-deleted" ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          Assignment deleted.
        </p>
      ) : null}
      <header className="space-y-1">
        <h1 className="text-2xl font-bold break-words">
          {klass.name}
          {archived ? <span className="ml-2 align-middle rounded bg-stone-200 px-2 py-0.5 text-sm font-medium text-stone-800">Archived</span> : null}
        </h1>
        <p className="text-stone-700">
          {klass.termStart || klass.termEnd ? `Term ${klass.termStart ?? "…"} to ${klass.termEnd ?? "…"} · ` : ""}Times in {klass.timeZone}
        </p>
        {archived ? <p className="text-stone-800">This class is archived: it is read-only and its join code no longer works.</p> : null}
        <div className="pt-1">
          <ActionButton
            action={setClassArchivedAction}
            hidden={{ classId: klass.id, archive: archived ? "0" : "1" }}
            label={archived ? "Restore class" : "Archive class"}
            pendingLabel={archived ? "Restoring…" : "Archiving…"}
            confirm={archived ? undefined : "Archive this class? It becomes read-only and its join code stops working."}
          />
        </div>
      </header>

      {!archived ? (
        <section aria-labelledby="join-heading" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="join-heading" className="text-xl font-semibold">
            Join code
          </h2>
          <p className="font-mono text-3xl font-bold tracking-widest" data-testid="join-code">
            {code}
          </p>
          <p className="text-sm text-stone-700">
            Students enter it at <span className="font-mono">/join</span>, or open the link:
          </p>
          <p id="class-join-link" className="break-all font-mono text-sm" data-testid="join-link">
            {link}
          </p>
          <p className="flex flex-wrap items-center gap-3">
            <CopyLink link={link} targetId="class-join-link" />
            <Link href={`/teach/classes/${klass.id}/join`} className="text-accent underline underline-offset-4">
              Show on a projector (QR code)
            </Link>
          </p>
          <ActionButton
            action={rotateJoinCodeAction}
            hidden={{ classId: klass.id }}
            label="Make a new code"
            pendingLabel="Making a new code…"
            confirm="Make a new join code? The current code and link stop working at once."
          />
        </section>
      ) : null}

      <section aria-labelledby="assignments-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="assignments-heading" className="text-xl font-semibold">
            Assignments
          </h2>
          <span className="flex flex-wrap gap-3">
            <Link href={`/teach/classes/${klass.id}/facts`} className="text-accent underline underline-offset-4">
              What the class knows
            </Link>
            <Link href={`/teach/classes/${klass.id}/item-reports`} className="text-accent underline underline-offset-4">
              Problem reports
            </Link>
            {!archived ? (
              <Link href={`/teach/classes/${klass.id}/assignments/new`} className="rounded-md bg-accent px-3 py-1.5 font-semibold text-white hover:bg-blue-800">
                New assignment
              </Link>
            ) : null}
          </span>
        </div>
        {assignments.length === 0 ? (
          <p className="text-stone-700">No assignments yet.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {assignments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <Link href={`/teach/assignments/${a.id}`} className="font-medium text-accent underline underline-offset-4">
                    {a.title}
                  </Link>{" "}
                  <span className="text-sm text-muted">{a.kind === "quiz" ? "Quiz" : "Review"}</span>
                </span>
                <span className="flex flex-wrap items-baseline gap-x-3 text-sm">
                  <span>Due {formatInZone(a.dueAt, klass.timeZone)}</span>
                  {!archived ? (
                    <Link href={`/teach/assignments/${a.id}/edit`} className="text-accent underline underline-offset-4" aria-label={`Edit or extend ${a.title}`}>
                      Edit / extend
                    </Link>
                  ) : null}
                  {a.kind === "quiz" ? (
                    <Link href={`/teach/assignments/${a.id}/preview`} className="text-accent underline underline-offset-4" aria-label={`Preview ${a.title}`}>
                      Preview
                    </Link>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="roster-heading" className="space-y-3">
        <h2 id="roster-heading" className="text-xl font-semibold">
          Students ({roster.length})
        </h2>
        {roster.length === 0 ? (
          <p className="text-stone-700">Nobody has joined yet. Share the join code or link.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="roster">
            {roster.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 px-3 py-3">
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <span className="font-medium">{m.name}</span>
                  <span className="block text-sm text-muted">Joined {formatInZone(m.joinedAt, klass.timeZone)}</span>
                </span>
                {!archived ? (
                  <span className="flex flex-wrap items-center gap-3">
                    <MultiplierForm classId={klass.id} studentId={m.userId} studentName={m.name} value={String(m.timeMultiplier)} />
                    <ActionButton
                      action={removeMemberAction}
                      hidden={{ classId: klass.id, studentId: m.userId }}
                      label="Remove"
                      accessibleLabel={`Remove ${m.name}`}
                      pendingLabel="Removing…"
                      tone="danger"
                      confirm={`Remove ${m.name} from ${klass.name}?`}
                    />
                  </span>
                ) : (
                  <span className="text-sm">Extra time: {m.timeMultiplier === "untimed" ? "untimed" : `${m.timeMultiplier}×`}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <AuditLog entries={audit} timeZone={klass.timeZone} />
    </div>
  );
}
