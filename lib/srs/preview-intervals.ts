import { type SrsCardState, assertValidDate, toFsrsCard } from "./card-state";
import { toFsrsRating } from "./fsrs-rating";
import { GRADES, type Grade } from "./grade";
import { intervalLabel } from "./interval-label";
import type { SrsParams } from "./params";
import { schedulerFor } from "./scheduler";

/**
 * What each button would do, for the answer buttons: the due date ts-fsrs
 * gives for each grade (`FSRS.repeat`, the same computation and fuzz seed as
 * `applyGrade`, so the preview is what grading will do) and its label,
 * `intervalLabel(due − now, learnAheadMinutes)`.
 */
export function previewIntervals(state: SrsCardState, now: Date, params: SrsParams): Record<Grade, { due: Date; label: string }> {
  assertValidDate(now, "now");
  const preview = schedulerFor(params).repeat(toFsrsCard(state), new Date(now.getTime()));
  const entry = (g: Grade): { due: Date; label: string } => {
    const due = new Date(preview[toFsrsRating(g)].card.due.getTime());
    return { due, label: intervalLabel(due.getTime() - now.getTime(), params.learnAheadMinutes) };
  };
  const [again, hard, good, easy] = GRADES.map(entry) as [ReturnType<typeof entry>, ReturnType<typeof entry>, ReturnType<typeof entry>, ReturnType<typeof entry>];
  return { 1: again, 2: hard, 3: good, 4: easy };
}
