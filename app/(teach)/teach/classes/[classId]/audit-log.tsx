import type { AuditAction, AuditEntry } from "@/lib/data/class-audit";
import { formatInZone } from "@/app/_lib/zoned-format";

const WHAT: Record<AuditAction, (target: string | null) => string> = {
  "remove-student": (t) => `removed ${t ?? "a student"} from the class`,
  archive: () => "archived the class",
  restore: () => "restored the class",
  "rotate-join-code": () => "made a new join code",
  "delete-assignment": (t) => `deleted the assignment “${t ?? "?"}”`,
  "edit-assignment": (t) => `edited the assignment “${t ?? "?"}”`,
  "extend-assignment": (t) => `gave an extension (${t ?? "?"})`,
};

/** The class's log of destructive actions (who, what, when), newest first. */
export function AuditLog({ entries, timeZone }: { entries: AuditEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby="audit-heading" className="space-y-2">
      <h2 id="audit-heading" className="text-xl font-semibold">
        Changes log
      </h2>
      {entries.length === 0 ? (
        <p className="text-stone-700">No students removed, codes replaced, assignments deleted or archiving yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm" data-testid="audit-log">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
              <span className="min-w-0 [overflow-wrap:anywhere]">
                <span className="font-medium">{e.actorName}</span> {WHAT[e.action]?.(e.targetName) ?? e.action}
              </span>
              <span className="text-muted">{formatInZone(e.at, timeZone)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
