import { finishAttempt } from "@/lib/data/quiz-attempts";
import { apiCaller, ATTEMPT_ID, errorResponse, json } from "@/app/_lib/http";

export const dynamic = "force-dynamic";

/**
 * POST: finishes the caller's attempt (idempotent: a second call returns the
 * same score and changes nothing; after the deadline the attempt is
 * finished at the deadline). 200 `{ score, maxScore, percent }`;
 * 401 signed out, 404 not the caller's attempt, 409 its class is archived.
 */
export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  const viewer = await apiCaller(request, { stateChanging: true });
  if (viewer instanceof Response) return viewer;
  const { attemptId } = await params;
  if (!ATTEMPT_ID.test(attemptId)) return json(404, { error: "There is no such quiz attempt." });
  try {
    const { result, alreadyFinished } = await finishAttempt({ attemptId, userId: viewer.id, now: new Date() });
    return json(200, { score: result.score, maxScore: result.maxScore, percent: result.percent, answered: result.answered, alreadyFinished });
  } catch (e) {
    return errorResponse(e);
  }
}
