import { type Grade as FsrsGrade, Rating } from "ts-fsrs";
import type { Grade } from "./grade";

const RATING: Record<Grade, FsrsGrade> = { 1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy };

/** ts-fsrs's Rating for a grade (the numbers agree: Again = 1 … Easy = 4). */
export function toFsrsRating(grade: Grade): FsrsGrade {
  return RATING[grade];
}
