import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/** Liveness with a database round-trip: `{ ok, db }`; 503 when the database does not answer. */
export async function GET() {
  const result = await checkDatabase();
  return Response.json(result.ok ? { ok: true, db: result.db } : { ok: false, db: result.db, error: "database unavailable" }, {
    status: result.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
