import { deckQueue, gradeCard } from "@/lib/data/reviews";
import { getSrsParams } from "@/lib/data/study-settings";
import { gradeRequestSchema } from "@/lib/srs/grade-request";
import { queuedReviewTime } from "@/lib/srs/merge-reviews";
import { apiCaller, errorResponse, invalidInput, json, jsonBody } from "@/app/_lib/http";

/**
 * Records a grade (idempotent by the client's reviewId) and answers with the
 * next card. 409 when the card changed since it was shown — unless the grade
 * was queued on the device (`reviewedAt`): then it is merged (lib/data/review-merge.ts).
 */
export async function POST(request: Request) {
  const viewer = await apiCaller(request, { stateChanging: true });
  if (viewer instanceof Response) return viewer;
  const parsed = gradeRequestSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const now = new Date();
    // The student's settings are read once for both steps.
    const params = await getSrsParams(viewer.id);
    const { reviewedAt, ...grade } = parsed.data;
    const outcome = await gradeCard({ ...grade, userId: viewer.id, now, params, ...(reviewedAt ? { reviewedAt: queuedReviewTime(new Date(reviewedAt), now) } : {}) });
    const next = await deckQueue({ userId: viewer.id, deckId: parsed.data.deckId, now, params });
    return json(200, { outcome, next });
  } catch (e) {
    return errorResponse(e);
  }
}
