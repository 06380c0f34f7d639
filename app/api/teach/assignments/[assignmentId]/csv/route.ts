import { z } from "zod";
import { finishExpiredForAssignmentReport, loadAssignmentReport } from "@/lib/data/reports";
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
    const text =
      table === "students"
        ? studentReportCsv(report.rows, report.assignment.kind === "quiz" ? "quiz" : "review", tz)
        : table === "items"
          ? itemReportCsv(report.items)
          : factItemReportCsv(report.factItems);
    return csvResponse(text, `${report.assignment.title}-${table}.csv`);
  });
}
