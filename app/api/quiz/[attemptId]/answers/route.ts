import { recordAnswer } from "@/lib/data/quiz-attempts";
import { answerSubmissionSchema } from "@/lib/quiz/answer-submission-schema";
import { feedbackFor } from "@/app/(study)/quiz/quiz-view";
import { apiCaller, ATTEMPT_ID, errorResponse, invalidInput, json, jsonBody } from "@/app/_lib/http";

export const dynamic = "force-dynamic";

/**
 * POST { questionId, response }: records the first answer to the next open
 * question of the caller's attempt. 200 with the verdict, the right answer,
 * the quotes and their links when the attempt gives immediate feedback, else
 * `{ recorded: true }`. The same answer sent again (its reply was lost) gets
 * the same 200 reply, and nothing is written twice. 400 unreadable input,
 * 401 signed out, 404 not the caller's attempt, 409 answered already with
 * another response / out of order / finished / time up / class archived.
 */
export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  const viewer = await apiCaller(request, { stateChanging: true });
  if (viewer instanceof Response) return viewer;
  const { attemptId } = await params;
  if (!ATTEMPT_ID.test(attemptId)) return json(404, { error: "There is no such quiz attempt." });
  const read = await jsonBody(request);
  if (read === undefined) return json(400, { error: "The request body must be JSON." });
  const body = read && typeof read === "object" && !Array.isArray(read) ? read : {};
  const parsed = answerSubmissionSchema.safeParse({ ...body, attemptId });
  if (!parsed.success) return invalidInput(parsed.error, "The answer is not in a shape this quiz accepts.");
  try {
    const r = await recordAnswer({ attemptId, userId: viewer.id, questionId: parsed.data.questionId, response: parsed.data.response, now: new Date() });
    const progress = { index: r.index, remaining: r.remaining };
    if (r.feedback !== "immediate") return json(200, { recorded: true, ...progress });
    const f = feedbackFor(r.question, r.grade, parsed.data.response);
    return json(200, { recorded: true, ...progress, ...f, link: f.sources[0]?.link ?? null });
  } catch (e) {
    return errorResponse(e);
  }
}
