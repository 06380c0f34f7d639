import { z } from "zod";
import { finishExpiredForAssignmentReport, loadAssignmentItemExtras, loadAssignmentReport, studentEmails } from "@/lib/data/reports";
import { parseRouteId } from "@/lib/classes/ids";
import { Invalid, NotFound } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/field-errors";
import { studentReportCsv, itemReportCsv, factItemReportCsv } from "@/lib/reports/report-csv";
import { csvResponse, teacherExport } from "@/app/api/teach/csv-response";

const query = z.object({
  table: z.enum(["students", "items", "facts"], { error: "Choose students, items or facts." }).default("students"),
});

/** GET ?table=students|items|facts: an assignment's report as CSV, for the class's teacher only (others, and ids that cannot exist: 404). */
export async function GET(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId: raw } = await params;
  const search = new URL(request.url).searchParams;
  return teacherExport(async (viewer) => {
    const assignmentId = parseRouteId(raw);
    if (assignmentId === null) throw new NotFound("No such assignment.");
    const parsed = query.safeParse({ table: search.get("table") ?? undefined });
    if (!parsed.success) throw new Invalid("table must be students, items or facts", fieldErrorsOf(parsed.error.issues));
    const { table } = parsed.data;
    const now = new Date();
    await finishExpiredForAssignmentReport(viewer, assignmentId, now);
    const report = await loadAssignmentReport(viewer, assignmentId, now);
    const tz = report.assignment.classroom.timeZone;
    let text: string;
    if (table === "students") {
      const emails = await studentEmails(report.rows.map((r) => r.studentId));
      text = studentReportCsv(report.rows.map((r) => ({ ...r, email: emails.get(r.studentId) ?? "" })), report.assignment.kind === "quiz" ? "quiz" : "review", tz);
    } else {
      // The same flags, unanswered counts, reports and hidden marks as the page.
      const x = await loadAssignmentItemExtras(viewer, assignmentId);
      const hiddenAny = (factIds: readonly string[]) => factIds.some((f) => x.hiddenFacts.has(f));
      text =
        table === "items"
          ? itemReportCsv(
              report.items.map((i) => ({ ...i, unanswered: x.unansweredByQuestion.get(i.itemId) ?? 0, reports: x.reportsByQuestion.get(i.itemId) ?? 0, hidden: hiddenAny(i.factIds) })),
              report.itemsBy === "questions",
            )
          : factItemReportCsv(
              report.factItems.map((f) => ({ ...f, unanswered: x.unansweredByFact.get(f.itemId) ?? 0, reports: x.reportsByFact.get(f.itemId) ?? 0, hidden: x.hiddenFacts.has(f.itemId) })),
              report.itemsBy === "facts",
            );
    }
    return csvResponse(text, `${report.assignment.title}-${table}.csv`);
  });
}
