import "./zod-browser";
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { deckSnapshotSchema, type DeckSnapshot } from "./deck-snapshot";
import { outboxItemSchema, replayOrder, type OutboxItem } from "./outbox";

/**
 * The device's IndexedDB (through idb): per account and deck the snapshot
 * the review screen grades from, and the outbox of grades not yet
 * acknowledged. Every key starts with the account, so a second account on
 * the same browser never reads or sends the first one's grades.
 * Browser only (the review screen and the sign-out button).
 */
interface FactdeckDb extends DBSchema {
  decks: { key: string; value: { key: string; userId: string; json: string } };
  outbox: { key: string; value: OutboxItem; indexes: { byUser: string } };
}

const DB_NAME = "factdeck-offline";
let opened: Promise<IDBPDatabase<FactdeckDb>> | null = null;

function db(): Promise<IDBPDatabase<FactdeckDb>> {
  opened ??= openDB<FactdeckDb>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore("decks", { keyPath: "key" });
      d.createObjectStore("outbox", { keyPath: "reviewId" }).createIndex("byUser", "userId");
    },
  });
  return opened;
}

const deckKey = (userId: string, deckId: string) => `${userId}|${deckId}`;

function parseDeck(json: string): DeckSnapshot | null {
  try {
    const r = deckSnapshotSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** The stored snapshot of an account's deck, or null (none, or not one: another version of the app). */
export async function loadDeck(userId: string, deckId: string): Promise<DeckSnapshot | null> {
  const row = await (await db()).get("decks", deckKey(userId, deckId));
  return row && row.userId === userId ? parseDeck(row.json) : null;
}

export async function saveDeck(s: DeckSnapshot): Promise<void> {
  await (await db()).put("decks", { key: deckKey(s.userId, s.deckId), userId: s.userId, json: JSON.stringify(s) });
}

/** Stores a grade made on the device: the snapshot with it applied and its outbox entry, in one transaction. */
export async function queueGrade(s: DeckSnapshot, item: OutboxItem): Promise<void> {
  const tx = (await db()).transaction(["decks", "outbox"], "readwrite");
  await Promise.all([tx.objectStore("decks").put({ key: deckKey(s.userId, s.deckId), userId: s.userId, json: JSON.stringify(s) }), tx.objectStore("outbox").put(item), tx.done]);
}

/** Takes a grade that was never sent back out of the outbox, with the snapshot it leaves, in one transaction. */
export async function unqueueGrade(s: DeckSnapshot, reviewId: string): Promise<void> {
  const tx = (await db()).transaction(["decks", "outbox"], "readwrite");
  await Promise.all([tx.objectStore("decks").put({ key: deckKey(s.userId, s.deckId), userId: s.userId, json: JSON.stringify(s) }), tx.objectStore("outbox").delete(reviewId), tx.done]);
}

/** The account's queued grades, oldest first (entries that do not parse are dropped). */
export async function pendingGrades(userId: string): Promise<OutboxItem[]> {
  const rows = await (await db()).getAllFromIndex("outbox", "byUser", userId);
  return replayOrder(rows.flatMap((r) => (outboxItemSchema.safeParse(r).success ? [r] : [])), userId);
}

export async function hasQueued(reviewId: string): Promise<boolean> {
  return (await (await db()).getKey("outbox", reviewId)) !== undefined;
}

/** A grade the server acknowledged (or refused for good) leaves the outbox. */
export async function removeQueued(reviewId: string): Promise<void> {
  await (await db()).delete("outbox", reviewId);
}
