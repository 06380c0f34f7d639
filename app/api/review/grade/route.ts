import { gradeAndQueue } from "@/lib/data/reviews";
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
    const { reviewedAt, ...grade } = parsed.data;
    // One read of the student's day and states serves the grade and the next card (lib/data/reviews).
    // A grade queued on the device keeps its own time, clamped by the server's clock (lib/srs `queuedReviewTime`).
    return json(200, await gradeAndQueue({ ...grade, userId: viewer.id, now, ...(reviewedAt ? { reviewedAt: queuedReviewTime(new Date(reviewedAt), now) } : {}) }));
  } catch (e) {
    return errorResponse(e);
  }
}
