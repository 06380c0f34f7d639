import { deckQueue, undoLastReview } from "@/lib/data/reviews";
import { undoRequestSchema } from "@/lib/srs/grade-request";
import { apiCaller, errorResponse, invalidInput, json, jsonBody } from "@/app/_lib/http";

/**
 * Undoes the student's latest grade and answers with that card to show again.
 * 400 malformed, 401 signed out, 404 unknown review or deck (nothing undone),
 * 409 not the latest grade, undone already, or the card changed since.
 */
export async function POST(request: Request) {
  const viewer = await apiCaller(request, { stateChanging: true });
  if (viewer instanceof Response) return viewer;
  const parsed = undoRequestSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const now = new Date();
    const { cardId } = await undoLastReview({ userId: viewer.id, reviewId: parsed.data.reviewId, deckId: parsed.data.deckId, now });
    // The queue's counts, with the card just restored on screen.
    return json(200, { next: await deckQueue({ userId: viewer.id, deckId: parsed.data.deckId, now, show: cardId }) });
  } catch (e) {
    return errorResponse(e);
  }
}
