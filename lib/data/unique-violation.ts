/**
 * Whether a Prisma error is a unique-constraint violation: the code P2002,
 * or — from a driver adapter that reports the database's own error without
 * mapping it — a message naming a unique constraint. Callers use it to tell
 * a lost race (the other request wrote the row) from a real failure.
 */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  if ((e as { code?: unknown }).code === "P2002") return true;
  return /Unique constraint/i.test(String((e as { message?: unknown }).message));
}
