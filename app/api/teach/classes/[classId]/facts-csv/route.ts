import { loadClassFactReport } from "@/lib/data/reports";
import { parseRouteId } from "@/lib/classes/ids";
import { NotFound } from "@/lib/errors";
import { factReportCsv } from "@/lib/reports/report-csv";
import { csvResponse, teacherExport } from "@/app/api/teach/csv-response";

/** GET: what the class knows, fact by fact, as CSV — for the class's teacher only (others, and ids that cannot exist: 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId: raw } = await params;
  return teacherExport(async (viewer) => {
    const classId = parseRouteId(raw);
    if (classId === null) throw new NotFound("No such class.");
    const report = await loadClassFactReport(viewer, classId, new Date());
    return csvResponse(factReportCsv(report.rows), `class-facts.csv`);
  });
}
