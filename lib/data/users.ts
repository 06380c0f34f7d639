import { getDb, type DbTx } from "../db";

/** Sets a user's display name (already validated). */
export async function updateDisplayName(userId: string, name: string, db: DbTx = getDb()) {
  await db.user.update({ where: { id: userId }, data: { name }, select: { id: true } });
}

const userPublicSelect = { id: true, name: true, email: true, role: true } as const;

export async function findUserByEmail(email: string, db: DbTx = getDb()) {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: userPublicSelect });
}
