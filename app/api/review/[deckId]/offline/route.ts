import { z } from "zod";
import { offlineDeck } from "@/lib/data/offline-deck";
import { apiCaller, errorResponse, invalidInput, json } from "@/app/_lib/http";

export const dynamic = "force-dynamic";
const params = z.object({ deckId: z.string().regex(/^[a-z0-9-]{1,80}$/, "unknown deck") });

/** The signed-in student's offline copy of a deck (lib/data `offlineDeck`), refreshed by the review screen after a sync. */
export async function GET(request: Request, ctx: { params: Promise<{ deckId: string }> }) {
  const viewer = await apiCaller(request, { stateChanging: false });
  if (viewer instanceof Response) return viewer;
  const parsed = params.safeParse(await ctx.params);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    return json(200, await offlineDeck({ userId: viewer.id, deckId: parsed.data.deckId, now: new Date() }));
  } catch (e) {
    return errorResponse(e);
  }
}
