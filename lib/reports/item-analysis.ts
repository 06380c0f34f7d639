import { InvalidReportInput } from "./invalid-report-input";

/** Share of students in each of the upper and lower groups (Kelley's 27 %). */
export const GROUP_SHARE = 0.27;
/** Facility below this: almost nobody gets it (Moodle calls ≤ 10 % "very difficult"). */
export const FACILITY_MIN = 0.1;
/** Facility above this: almost everybody gets it (Moodle calls ≥ 90 % "very easy"). */
export const FACILITY_MAX = 0.9;
/** Discrimination below this is "very weak" in Moodle's table and "poor — revise or discard" in Ebel's. */
export const DISCRIMINATION_MIN = 0.2;
/**
 * Fewest students on an item before a weak discrimination is flagged. Below
 * 10 each group has one or two students (n = round(0.27 N)), so D moves in
 * steps of 0.5 or 1 and one careless answer flags a good question.
 */
export const DISCRIMINATION_MIN_STUDENTS = 10;
/**
 * Fewest students on an item before any flag is raised. With fewer, one
 * answer moves facility by more than 0.2 and two students who both miss a
 * question make it "very hard"; below this the item reads "not enough
 * answers yet" (the page, the questions CSV and "Needs attention" alike).
 */
export const FLAG_MIN_STUDENTS = 5;

export type StudentItemScores = {
  studentId: string;
  /** The student's total on the quiz (any scale; only the ranking is used). */
  total: number;
  /**
   * Item id → score in 0..1. An item missing from the map was not put to this
   * student (per-student question sets) and is left out of that item's
   * statistics; an item shown and left blank must be given as 0.
   */
  scores: Readonly<Record<string, number>>;
};

export type ItemFlag = "too-hard" | "too-easy" | "weak-discrimination";

export type ItemStats = {
  itemId: string;
  /** Students who were given the item (N). */
  answered: number;
  /** Mean item score, 0..1; null when N = 0. */
  facility: number | null;
  /** Upper-group mean − lower-group mean, −1..1; null when N < 2. */
  discrimination: number | null;
  /** Students in each of the upper and lower groups (n); 0 when N < 2. */
  groupSize: number;
  flags: ItemFlag[];
  /** True when any flag is raised: "check this question". */
  check: boolean;
  /** N ≥ `FLAG_MIN_STUDENTS`: the item can be flagged; below it, "not enough answers yet". */
  enoughAnswers: boolean;
};

/**
 * Classical item analysis for one quiz, item by item, over the students who
 * were given the item (N):
 *
 * - facility F = Σ item score ÷ N (the share correct for 0/1 items);
 * - discrimination D (Kelley's upper–lower index): rank the N students by
 *   total, highest first, equal totals by student id ascending; n =
 *   max(1, round(0.27 N)); D = (Σ item score of the first n − Σ of the last
 *   n) ÷ n. For N ≥ 2 the groups never overlap (round(0.27 N) ≤ N/2), so D
 *   lies in [−1, 1]. Moodle's own "discrimination index" is a correlation
 *   (item score vs rest of test); the upper–lower D is the simpler,
 *   explainable version its thresholds were modelled on.
 * - flags ("check this question"), only once N ≥ 5 (`FLAG_MIN_STUDENTS`):
 *   "too-hard" when F < 0.1, "too-easy" when F > 0.9 (facility outside
 *   [0.1, 0.9]); "weak-discrimination" when D < 0.2 and N ≥ 10 (negative D —
 *   stronger students doing worse — is the strongest case of it).
 *
 * Nothing is rounded here; use `formatIndex` for display.
 *
 * @throws InvalidReportInput for a score outside 0..1 or a non-finite total.
 */
export function analyseItems(itemIds: readonly string[], students: readonly StudentItemScores[]): ItemStats[] {
  const issues: string[] = [];
  for (const s of students) {
    if (!Number.isFinite(s.total)) issues.push(`${s.studentId}: total must be a finite number, got ${s.total}`);
    for (const [item, score] of Object.entries(s.scores)) {
      if (!(score >= 0 && score <= 1)) issues.push(`${s.studentId} on ${item}: score must be in 0..1, got ${score}`);
    }
  }
  if (issues.length > 0) throw new InvalidReportInput(issues);

  const ranked = [...students].sort(
    (a, b) => b.total - a.total || (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0),
  );

  return itemIds.map((itemId) => {
    const scores: number[] = [];
    for (const s of ranked) {
      if (Object.hasOwn(s.scores, itemId)) scores.push(s.scores[itemId] ?? 0);
    }
    const N = scores.length;
    const facility = N === 0 ? null : sum(scores) / N;
    const groupSize = N < 2 ? 0 : Math.max(1, Math.round(GROUP_SHARE * N));
    const discrimination = N < 2 ? null : (sum(scores.slice(0, groupSize)) - sum(scores.slice(N - groupSize))) / groupSize;

    const enoughAnswers = N >= FLAG_MIN_STUDENTS;
    const flags: ItemFlag[] = [];
    if (enoughAnswers && facility !== null && facility < FACILITY_MIN) flags.push("too-hard");
    if (enoughAnswers && facility !== null && facility > FACILITY_MAX) flags.push("too-easy");
    if (discrimination !== null && N >= DISCRIMINATION_MIN_STUDENTS && discrimination < DISCRIMINATION_MIN) flags.push("weak-discrimination");
    return { itemId, answered: N, facility, discrimination, groupSize, flags, check: flags.length > 0, enoughAnswers };
  });
}

export type DiscriminationBand = "very-good" | "adequate" | "weak" | "very-weak" | "negative";

/**
 * Moodle's reading of a discrimination index: ≥ 0.5 very good, [0.3, 0.5)
 * adequate, [0.2, 0.3) weak, [0, 0.2) very weak, < 0 negative ("probably
 * invalid": the weaker students did better).
 */
export function discriminationBand(d: number): DiscriminationBand {
  if (d >= 0.5) return "very-good";
  if (d >= 0.3) return "adequate";
  if (d >= 0.2) return "weak";
  if (d >= 0) return "very-weak";
  return "negative";
}

function sum(xs: readonly number[]): number {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}
