import "server-only";
import { notFound } from "next/navigation";
import { assertClassTeacher } from "@/lib/data/classes";
import { assertAssignmentTeacher } from "@/lib/data/assignments";
import { parseRouteId } from "@/lib/classes/ids";
import { NotFound } from "@/lib/errors";
import { pageTeacher } from "../../_lib/viewer";

/**
 * A class for its teacher's page; anyone else's class, none, or a param
 * that cannot be an id is the 404 page, so existence is not revealed.
 * `path(id)` is the page's own path, to come back to after signing in.
 */
export async function classOr404(rawClassId: string, path: (classId: string) => string) {
  const viewer = await pageTeacher(path(encodeURIComponent(rawClassId)));
  const classId = parseRouteId(rawClassId);
  if (classId === null) notFound();
  try {
    return { viewer, klass: await assertClassTeacher(classId, viewer) };
  } catch (e) {
    if (e instanceof NotFound) notFound();
    throw e;
  }
}

/** An assignment for its class's teacher, or the 404 page (also for a param that cannot be an id). */
export async function assignmentOr404(rawAssignmentId: string, path: (assignmentId: string) => string) {
  const viewer = await pageTeacher(path(encodeURIComponent(rawAssignmentId)));
  const assignmentId = parseRouteId(rawAssignmentId);
  if (assignmentId === null) notFound();
  try {
    return { viewer, assignment: await assertAssignmentTeacher(assignmentId, viewer) };
  } catch (e) {
    if (e instanceof NotFound) notFound();
    throw e;
  }
}
