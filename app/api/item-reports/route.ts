import { myItemReport, saveItemReport } from "@/lib/data/item-reports";
import { itemReportInputSchema, itemReportQuerySchema } from "@/lib/reports/item-report-input";
import { apiCaller, errorResponse, invalidInput, json, jsonBody } from "@/app/_lib/http";

export const dynamic = "force-dynamic";

/**
 * POST { kind: "question", attemptId, itemId, reason, note? } or { kind:
 * "card", itemId, reason, note? }: "Report a problem". One report per
 * student and item; sending again edits it. 200 with the report (`created`
 * says whether it is new), 400 unreadable input, 401 signed out, 404 an item
 * the caller was not shown, 429 too many reports this hour.
 */
export async function POST(request: Request) {
  const viewer = await apiCaller(request, { stateChanging: true });
  if (viewer instanceof Response) return viewer;
  const read = await jsonBody(request);
  if (read === undefined) return json(400, { error: "The request body must be JSON." });
  const parsed = itemReportInputSchema.safeParse(read);
  if (!parsed.success) return invalidInput(parsed.error, "The report is not complete: choose a reason.");
  try {
    return json(200, await saveItemReport(viewer, parsed.data, new Date()));
  } catch (e) {
    return errorResponse(e);
  }
}

/** GET ?kind=question|card&itemId=…: the caller's own report on the item (to edit it), or `{ report: null }`. */
export async function GET(request: Request) {
  const viewer = await apiCaller(request, { stateChanging: false });
  if (viewer instanceof Response) return viewer;
  const search = new URL(request.url).searchParams;
  const parsed = itemReportQuerySchema.safeParse({ kind: search.get("kind") ?? undefined, itemId: search.get("itemId") ?? undefined });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    return json(200, { report: await myItemReport(viewer, parsed.data.kind, parsed.data.itemId) });
  } catch (e) {
    return errorResponse(e);
  }
}
