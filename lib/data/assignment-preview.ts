import type { Corpus } from "../content/schema";
import { getDb, type DbTx } from "../db";
import type { Viewer } from "../auth/roles";
import { Invalid } from "../errors";
import type { Question } from "../generate/question";
import { effectiveTimeLimit } from "../classes/time-limit";
import { effectiveMultiplier } from "../classes/time-multiplier";
import { ACTIVE_MEMBER } from "./classes";
import { assertAssignmentTeacher, readQuizSettings } from "./assignments";
import { assignmentQuestions } from "./assignment-start";
import { deckFactIds } from "./decks";
import { defaultCorpus } from "./default-corpus";

/** The stand-in whose questions the preview shows when no student is chosen (a student who joins later). */
export const PREVIEW_STAND_IN = "preview";

export type AssignmentPreview = {
  /** Whose questions: a student of the class, or null for the stand-in. */
  studentId: string | null;
  questions: Question[];
  feedback: "immediate" | "end";
  /** The chosen student's time limit in ms (their extra time applied), null for none. */
  limitMs: number | null;
};

/**
 * A quiz assignment's questions exactly as one student would get them
 * (`assignmentQuestions` with the assignment's seed and that student's id:
 * the same draw and order their attempt starts with), or as a student who
 * joins later would (`PREVIEW_STAND_IN`). A read only: no attempt is made,
 * nothing is stored.
 *
 * @throws NotFound for an assignment that is not the viewer's; Invalid for a review, or a student not in the class.
 */
export async function previewAssignment(viewer: Viewer, assignmentId: string, studentId: string | null, corpus?: Corpus, db: DbTx = getDb()): Promise<AssignmentPreview> {
  const a = await assertAssignmentTeacher(assignmentId, viewer, db);
  if (a.kind !== "quiz") throw new Invalid("A review assignment has no questions to preview: students study the deck's cards.");
  let rosterMultiplier = "1";
  if (studentId !== null) {
    const m = await db.classMember.findFirst({ where: { classId: a.classId, userId: studentId, ...ACTIVE_MEMBER }, select: { timeMultiplier: true } });
    if (!m) throw Invalid.fields({ student: "That student is not in this class." });
    rosterMultiplier = m.timeMultiplier;
  }
  const settings = readQuizSettings(a.settingsJson);
  const c = corpus ?? defaultCorpus();
  const userId = studentId ?? PREVIEW_STAND_IN;
  const questions = assignmentQuestions(c, {
    seed: a.seed,
    userId,
    count: settings.questionCount,
    types: settings.types,
    factIds: await deckFactIds(a.deckId, c, db),
    questionSet: settings.questionSet,
    shuffle: settings.shuffle,
  });
  const limitMs = effectiveTimeLimit(settings.timeLimitMinutes, effectiveMultiplier(settings.timeMultipliers, rosterMultiplier, userId));
  return { studentId, questions, feedback: settings.feedback, limitMs };
}
