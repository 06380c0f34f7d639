import { randomUUID } from "node:crypto";
import { getDb, type Db, type DbTx } from "../db";

/**
 * The audit log of teachers' destructive actions on a class. Each entry is
 * written in the same transaction as the action: an action that fails (or
 * is refused) leaves no entry, and an entry never exists without its action.
 * The class page shows the log to its teacher (`listClassAudit`).
 */
export type AuditAction = "remove-student" | "archive" | "restore" | "rotate-join-code" | "delete-assignment" | "edit-assignment" | "extend-assignment";

export type AuditEntryInput = { classId: string; actorId: string; action: AuditAction; targetId?: string | null; targetName?: string | null; /** Default: the server's clock now (for actions that take no `now`). */ at?: Date };

export type AuditEntry = { id: string; action: AuditAction; actorName: string; targetName: string | null; at: Date };

/**
 * Runs `write` and records `entry` in one transaction (or in the caller's
 * transaction when `db` is already one). `entry` may be a function of what
 * `write` returned (e.g. the name of the student just removed).
 */
export async function withAuditEntry<T>(entry: AuditEntryInput | ((result: T) => AuditEntryInput), write: (tx: DbTx) => Promise<T>, db: DbTx = getDb()): Promise<T> {
  const run = async (tx: DbTx) => {
    const result = await write(tx);
    const e = typeof entry === "function" ? entry(result) : entry;
    await tx.classAuditEntry.create({
      data: { id: randomUUID(), classId: e.classId, actorId: e.actorId, action: e.action, targetId: e.targetId ?? null, targetName: e.targetName ?? null, at: e.at ?? new Date() },
      select: { id: true },
    });
    return result;
  };
  return "$transaction" in db ? (db as Db).$transaction(run) : run(db);
}

/** The class's audit log, newest first (at most `take`), with the acting teacher's name. The caller checks the viewer teaches the class. */
export async function listClassAudit(classId: string, db: DbTx = getDb(), take = 50): Promise<AuditEntry[]> {
  const rows = await db.classAuditEntry.findMany({
    where: { classId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, action: true, actorId: true, targetName: true, at: true },
  });
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.actorId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({ id: r.id, action: r.action as AuditAction, actorName: actors.get(r.actorId) ?? "(deleted account)", targetName: r.targetName, at: r.at }));
}
