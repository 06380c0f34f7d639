import { Forbidden, Unauthorized } from "../errors";
import type { Viewer } from "./roles";

/** Anyone signed in. */
export function requireUser(viewer: Viewer | null): Viewer {
  if (!viewer) throw new Unauthorized();
  return viewer;
}

/** A teacher (teachers can also study, so student pages only need `requireUser`). */
export function requireTeacher(viewer: Viewer | null): Viewer {
  const v = requireUser(viewer);
  if (v.role !== "teacher") throw new Forbidden("Only teachers can do this.");
  return v;
}

/**
 * The student themself, or a teacher of a class the student is in.
 * `teachesStudent` answers the class question (lib/data), so this stays pure.
 */
export async function requireSelfOrTeacherOf(
  viewer: Viewer | null,
  studentId: string,
  teachesStudent: (teacherId: string, studentId: string) => Promise<boolean>,
): Promise<Viewer> {
  const v = requireUser(viewer);
  if (v.id === studentId) return v;
  if (v.role === "teacher" && (await teachesStudent(v.id, studentId))) return v;
  throw new Forbidden();
}
