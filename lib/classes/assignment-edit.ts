import type { AssignmentForm } from "./assignment-form";

/** What has happened on an assignment so far, as far as an edit could upset it. */
export type AssignmentActivity = {
  /** Quiz: students who have started at least one attempt. */
  studentsStarted: number;
  /** Quiz: the most attempts any one student has started. */
  mostAttempts: number;
  /** Quiz: the first attempt's start, null when nobody has started. */
  firstStartedAt: Date | null;
  now: Date;
};

/** The fields that decide which questions a quiz asks (its snapshot was drawn from them). */
const QUESTION_FIELDS = ["deckId", "questionCount", "types", "questionSet", "shuffle"] as const;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The reasons an edit of an assignment is refused, by field (empty: the edit
 * may be saved). Answers already given are kept by refusing what would make
 * them mean something else:
 *
 * - the kind (review ↔ quiz) never changes: make a new assignment;
 * - a review's deck does not change once it has opened (its progress is the
 *   study of that deck's cards);
 * - once a student has started the quiz, the deck, number of questions,
 *   question types, question set and shuffle stay (each attempt's questions
 *   were drawn from them); the attempts allowed may not drop below the most
 *   any student has started; and the open date may not move after the first
 *   start (work already done would then predate its opening).
 *
 * The title, the due date, the time limit, extra time and feedback may
 * always change: they apply to attempts started from then on and to the
 * late flag, and leave stored answers as they are.
 */
export function assignmentEditProblems(before: AssignmentForm, after: AssignmentForm, activity: AssignmentActivity): Record<string, string> {
  const problems: Record<string, string> = {};
  if (before.kind !== after.kind) {
    problems.kind = "An assignment's kind can't change. Delete it and make a new one instead.";
    return problems;
  }
  if (before.kind === "review") {
    if (before.deckId !== after.deckId && before.openAt.getTime() <= activity.now.getTime()) {
      problems.deckId = "This review has already opened, so students may have studied its deck. Make a new assignment for another deck.";
    }
    return problems;
  }
  if (after.kind !== "quiz" || activity.studentsStarted === 0) return problems;
  const who = `${activity.studentsStarted} student${activity.studentsStarted === 1 ? " has" : "s have"} started this quiz`;
  for (const f of QUESTION_FIELDS) {
    const changed = f === "types" ? !sameList(before.types, after.types) : before[f] !== after[f];
    if (changed) problems[f] = `${who}; their answers are to the current questions, so this stays as it is. Make a new assignment to ask different questions.`;
  }
  if (after.attemptsAllowed < activity.mostAttempts) {
    problems.attemptsAllowed = `A student has already started ${activity.mostAttempts} attempts; allow at least ${activity.mostAttempts}.`;
  }
  if (activity.firstStartedAt && after.openAt.getTime() > activity.firstStartedAt.getTime()) {
    problems.openAt = `${who}; the open date can't move after the first start.`;
  }
  return problems;
}
