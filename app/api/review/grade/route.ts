import { gradeAndQueue } from "@/lib/data/reviews";
import { gradeRequestSchema } from "@/lib/srs/grade-request";
import { apiCaller, errorResponse, invalidInput, json, jsonBody } from "@/app/_lib/http";

/**
 * Records a grade (idempotent by the client's reviewId) and answers with the
 * next card. 409 when the card changed since it was shown.
 */
export async function POST(request: Request) {
  const viewer = await apiCaller(request, { stateChanging: true });
  if (viewer instanceof Response) return viewer;
  const parsed = gradeRequestSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    // One read of the student's day and states serves the grade and the next card (lib/data/reviews).
    return json(200, await gradeAndQueue({ ...parsed.data, userId: viewer.id, now: new Date() }));
  } catch (e) {
    return errorResponse(e);
  }
}
