import { getViewer } from "@/lib/auth/session";
import { deckQueue, reviewCardFor, undoLastReview } from "@/lib/data/reviews";
import { undoRequestSchema } from "@/lib/srs/grade-request";
import { crossSiteRefusal, errorResponse, invalidInput, jsonBody, unauthorized } from "@/app/_lib/http";

/**
 * Undoes the student's latest grade and answers with that card to show again.
 * 400 malformed, 401 signed out, 404 unknown review or deck (nothing undone),
 * 409 not the latest grade, undone already, or the card changed since.
 */
export async function POST(request: Request) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const viewer = await getViewer(request.headers);
  if (!viewer) return unauthorized();
  const parsed = undoRequestSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const now = new Date();
    const { cardId } = await undoLastReview({ userId: viewer.id, reviewId: parsed.data.reviewId, deckId: parsed.data.deckId, now });
    const queue = await deckQueue({ userId: viewer.id, deckId: parsed.data.deckId, now });
    const card = await reviewCardFor({ userId: viewer.id, cardId, now });
    return Response.json({ next: { ...queue, card } }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
