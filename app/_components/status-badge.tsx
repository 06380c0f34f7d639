import type { AssignmentState } from "@/lib/classes/assignment-status";

const LABEL: Record<AssignmentState, string> = { "not-started": "Not started", "in-progress": "In progress", done: "Done", late: "Late" };
const STYLE: Record<AssignmentState, string> = {
  "not-started": "border-stone-300 bg-stone-100 text-stone-800",
  "in-progress": "border-blue-300 bg-blue-50 text-blue-900",
  done: "border-green-300 bg-green-50 text-green-900",
  late: "border-red-300 bg-red-50 text-red-900",
};

/** A student's status on an assignment as a word (never colour alone); done after the due date reads "Done (late)". */
export function StatusBadge({ status, late }: { status: AssignmentState; late: boolean }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-sm font-medium ${STYLE[status]}`} data-status={status}>
      {LABEL[status]}
      {status === "done" && late ? " (late)" : ""}
    </span>
  );
}
