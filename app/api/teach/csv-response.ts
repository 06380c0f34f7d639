import "server-only";
import { headers } from "next/headers";
import { getViewer } from "@/lib/auth/session";
import { requireTeacher } from "@/lib/auth/guards";
import type { Viewer } from "@/lib/auth/roles";
import { errorResponse } from "@/app/_lib/http";

/** A CSV download: UTF-8 with BOM (Excel), never cached, named for the browser. */
export function csvResponse(text: string, filename: string): Response {
  return new Response(text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]+/g, "-")}"`,
      "cache-control": "no-store",
    },
  });
}

/** Runs an export for a signed-in teacher; typed errors become JSON statuses (401, 403, 404…). */
export async function teacherExport(run: (viewer: Viewer) => Promise<Response>): Promise<Response> {
  try {
    const viewer = requireTeacher(await getViewer(new Headers(await headers())));
    return await run(viewer);
  } catch (e) {
    return errorResponse(e);
  }
}
