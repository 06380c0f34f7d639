import { getViewer } from "@/lib/auth/session";
import { deckQueue, reviewCardFor, undoLastReview } from "@/lib/data/reviews";
import { getDb } from "@/lib/db";
import { undoRequestSchema } from "@/lib/srs/grade-request";
import { crossSiteRefusal, errorResponse, invalidInput, jsonBody, unauthorized } from "@/app/_lib/http";

/** Undoes the student's latest grade and answers with that card to show again. */
export async function POST(request: Request) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const viewer = await getViewer(request.headers);
  if (!viewer) return unauthorized();
  const parsed = undoRequestSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const now = new Date();
    const { cardId } = await undoLastReview(getDb(), { userId: viewer.id, reviewId: parsed.data.reviewId, now });
    const queue = await deckQueue(getDb(), { userId: viewer.id, deckId: parsed.data.deckId, now });
    const card = await reviewCardFor(getDb(), { userId: viewer.id, cardId, now });
    return Response.json({ next: { ...queue, card } }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
