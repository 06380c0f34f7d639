import { Invalid } from "@/lib/errors";

/** A review grade, as in Anki and ts-fsrs: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Grade = 1 | 2 | 3 | 4;

/** Every grade in button order. */
export const GRADES: readonly Grade[] = [1, 2, 3, 4];

/** Button names by grade. */
export const GRADE_NAMES: Readonly<Record<Grade, "Again" | "Hard" | "Good" | "Easy">> = {
  1: "Again",
  2: "Hard",
  3: "Good",
  4: "Easy",
};

/** Thrown by `parseGrade` for anything that is not 1, 2, 3 or 4 (400). */
export class InvalidGrade extends Invalid {
  override name = "InvalidGrade";
  constructor(readonly value: unknown) {
    super(`Invalid grade ${describe(value)}: expected 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)`);
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A grade from untrusted input. Accepts the integers 1–4 and their decimal
 * string forms ("1"…"4", as form fields arrive); everything else — 0
 * (ts-fsrs's Manual), 2.5, "Good", null — throws InvalidGrade.
 */
export function parseGrade(value: unknown): Grade {
  const n = typeof value === "string" && /^[1-4]$/.test(value.trim()) ? Number(value.trim()) : value;
  if (n === 1 || n === 2 || n === 3 || n === 4) return n;
  throw new InvalidGrade(value);
}
