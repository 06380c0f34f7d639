import { recordAnswer } from "@/lib/data/quiz-attempts";
import { answerSubmissionSchema } from "@/lib/quiz/answer-submission-schema";
import { feedbackFor } from "@/app/(study)/quiz/quiz-view";
import { ATTEMPT_ID, errorResponse, json, jsonBody, quizCaller } from "../../_lib/respond";

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
  const viewer = await quizCaller(request);
  if (viewer instanceof Response) return viewer;
  const { attemptId } = await params;
  if (!ATTEMPT_ID.test(attemptId)) return json(404, { error: "There is no such quiz attempt." });
  const read = await jsonBody(request);
  if (!read.ok) return read.response;
  const body = read.body && typeof read.body === "object" && !Array.isArray(read.body) ? read.body : {};
  const parsed = answerSubmissionSchema.safeParse({ ...body, attemptId });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "body"), i.message]));
    return json(400, { error: "The answer is not in a shape this quiz accepts.", fieldErrors });
  }
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
