/**
 * The big database of `bench:scale`, built once and kept: the real corpus
 * (seeded by `seedCorpus`), `students` students with a card state for each
 * of `cards` cards (the "everything" deck's 148, then synthetic cards in no deck) and 1–5 review logs
 * per state (2.6 on average), every student in a class of 30 (the bench
 * teacher's classes are one of 30 and one of 300), each class with a review
 * and a quiz assignment; the bench teacher's students have `attempts`
 * finished attempts at each class quiz, everyone else one practice quiz.
 *
 * Rows are bulk-inserted with raw SQL (SQLite: one prepared statement per
 * table in transactions of 50 000 rows; PostgreSQL: `INSERT … SELECT FROM
 * unnest($1::text[], …)` of 20 000 rows), after the project's own
 * migrations. The summaries the database keeps by triggers are filled after
 * the load by their migrations' fill statements (`summaryFills`): on
 * PostgreSQL the load turns triggers off, and on SQLite a batch of answers
 * can go in before its attempts. Everything comes from a seeded PRNG, so a rebuild gives the
 * same rows.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { loadDecks } from "@/lib/content/decks";
import { loadValidCorpus } from "@/lib/content/load";
import { createDb } from "@/lib/db";
import type { DatabaseTarget } from "@/lib/db-url";
import { seedCorpus } from "@/lib/data/seed-corpus";
import { generateCards } from "@/lib/generate/cards";
import { applyGrade } from "@/lib/srs/apply-grade";
import { newCardState } from "@/lib/srs/card-state";
import { DEFAULT_SRS_PARAMS } from "@/lib/srs/params";
import { summaryFills } from "../../db";
import { seededRandom } from "../shared/seeded-random";

export const DECK = "everything";
export const TEACHER_ID = "bench-teacher";
export const SMALL_CLASS = "bench-class-30";
export const LARGE_CLASS = "bench-class-300";
export const QUESTIONS = 10;
const DAY = 86_400_000;

export type Shape = { students: number; cards: number; attempts: number; now: Date };

/** One table's rows, column by column type: t text, i integer, f float, b boolean, d date (null allowed). */
type Kind = "t" | "i" | "f" | "b" | "d";
type Table = { name: string; columns: [string, Kind][] };
type Row = (string | number | boolean | Date | null)[];

const T = {
  user: { name: "User", columns: [["id", "t"], ["name", "t"], ["email", "t"], ["emailVerified", "b"], ["role", "t"], ["createdAt", "d"], ["updatedAt", "d"]] },
  classroom: { name: "Classroom", columns: [["id", "t"], ["teacherId", "t"], ["name", "t"], ["joinCode", "t"], ["createdAt", "d"], ["updatedAt", "d"]] },
  member: { name: "ClassMember", columns: [["classId", "t"], ["userId", "t"], ["joinedAt", "d"]] },
  assignment: { name: "Assignment", columns: [["id", "t"], ["classId", "t"], ["deckId", "t"], ["kind", "t"], ["title", "t"], ["openAt", "d"], ["dueAt", "d"], ["settingsJson", "t"], ["seed", "t"], ["createdAt", "d"], ["updatedAt", "d"]] },
  state: {
    name: "CardState",
    columns: [["userId", "t"], ["cardId", "t"], ["due", "d"], ["stability", "f"], ["difficulty", "f"], ["elapsedDays", "i"], ["scheduledDays", "i"], ["learningSteps", "i"], ["reps", "i"], ["lapses", "i"], ["state", "t"], ["lastReview", "d"], ["version", "i"], ["createdAt", "d"], ["updatedAt", "d"]],
  },
  log: { name: "ReviewLog", columns: [["id", "t"], ["userId", "t"], ["cardId", "t"], ["grade", "i"], ["reviewedAt", "d"], ["durationMs", "i"], ["versionAfter", "i"], ["introduced", "b"], ["logJson", "t"], ["undoneAt", "d"]] },
  attempt: {
    name: "QuizAttempt",
    columns: [["id", "t"], ["userId", "t"], ["deckId", "t"], ["assignmentId", "t"], ["attemptNumber", "i"], ["seed", "t"], ["settingsJson", "t"], ["snapshotJson", "t"], ["questionCount", "i"], ["startedAt", "d"], ["finishedAt", "d"], ["score", "f"], ["maxScore", "i"]],
  },
  answer: { name: "QuizAnswer", columns: [["attemptId", "t"], ["questionId", "t"], ["position", "i"], ["responseJson", "t"], ["correct", "b"], ["partial", "f"], ["answeredAt", "d"]] },
} satisfies Record<string, Table>;

type Writer = { insert(table: Table, rows: Row[]): Promise<void>; close(): Promise<void> };

/** Each summary table the database keeps, emptied and filled again by its migration's fill statement (scripts/db.ts `summaryFills`). */
function refills(provider: DatabaseTarget["provider"]): string[] {
  return summaryFills(provider).flatMap(({ sql }) => {
    const table = /INSERT INTO "(\w+)"/.exec(sql)?.[1];
    if (!table) throw new Error(`bench-scale: no table in the fill ${sql.slice(0, 60)}`);
    return [`DELETE FROM "${table}"`, sql];
  });
}

/** SQLite stores Prisma DateTimes as ISO text with "+00:00" (the adapter's default `iso8601` format). */
function sqliteWriter(file: string): Writer {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  // Rows of one table can go before the rows they point at (batches); the builder keeps the references right.
  db.pragma("foreign_keys = OFF");
  const cache = new Map<string, Database.Statement>();
  return {
    async insert(table, rows) {
      let stmt = cache.get(table.name);
      if (!stmt) {
        stmt = db.prepare(`INSERT INTO "${table.name}" (${table.columns.map(([c]) => `"${c}"`).join(", ")}) VALUES (${table.columns.map(() => "?").join(", ")})`);
        cache.set(table.name, stmt);
      }
      const s = stmt;
      const kinds = table.columns.map(([, k]) => k);
      db.transaction(() => {
        for (const r of rows) s.run(r.map((v, i) => (v === null ? null : kinds[i] === "d" ? (v as Date).toISOString().replace("Z", "+00:00") : kinds[i] === "b" ? (v ? 1 : 0) : v)));
      })();
    },
    async close() {
      // The triggers fired during the load, but an answer batch can go in before its attempts' batch, where the
      // QuizAnswer trigger finds no snapshot: the summaries are refilled from the rows, as their migrations fill them.
      for (const sql of refills("sqlite")) db.exec(sql);
      db.pragma("wal_checkpoint(TRUNCATE)");
      db.exec("ANALYZE");
      db.close();
    },
  };
}

const PG_TYPE: Record<Kind, string> = { t: "text", i: "int4", f: "float8", b: "bool", d: "timestamp(3)" };

/** PostgreSQL: `timestamp(3)` without time zone holds UTC, so dates go as UTC text. */
async function pgWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  // Rows of one table can go before the rows they point at (batches); the builder keeps the references right.
  // (The replica role also keeps triggers from firing: `close` fills the summaries they keep.)
  await client.query("SET session_replication_role = replica");
  return {
    async insert(table, rows) {
      const cols = table.columns.map(() => [] as unknown[]);
      for (const r of rows) r.forEach((v, i) => cols[i]!.push(v instanceof Date ? v.toISOString().replace("T", " ").replace("Z", "") : v));
      const sql = `INSERT INTO "${table.name}" (${table.columns.map(([c]) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${table.columns.map(([, k], i) => `$${i + 1}::${PG_TYPE[k]}[]`).join(", ")})`;
      await client.query(sql, cols);
    },
    async close() {
      // The replica role kept the triggers that keep the summary tables from firing: fill them as their migrations do.
      await client.query("SET session_replication_role = origin");
      for (const sql of refills("postgresql")) await client.query(sql);
      // As autovacuum leaves a table in production: statistics, and the visibility map that index-only scans need.
      await client.query("VACUUM (ANALYZE)");
      await client.end();
    },
  };
}

/** Buffers rows per table and flushes them in batches. */
function batcher(w: Writer, size: number) {
  const buf = new Map<Table, Row[]>();
  let written = 0;
  return {
    async add(table: Table, row: Row) {
      let list = buf.get(table);
      if (!list) buf.set(table, (list = []));
      list.push(row);
      if (list.length >= size) {
        buf.set(table, []);
        await w.insert(table, list);
        written += list.length;
      }
    },
    async flush() {
      for (const table of Object.values(T)) {
        const list = buf.get(table);
        if (list?.length) await w.insert(table, list);
      }
      for (const list of buf.values()) written += list.length;
      buf.clear();
      return written;
    },
  };
}

export const studentId = (i: number) => `u${String(i).padStart(6, "0")}`;

/**
 * A synthetic fact's stored JSON: a real fact of the corpus under the bench
 * fact's id, label and statement, so every reader that parses facts (the
 * corpus cache's card steps) accepts it as it would a seeded one.
 */
export function benchFactJson(corpus: ReturnType<typeof loadValidCorpus>, id: string, i: number): string {
  const model = corpus.facts[i % corpus.facts.length]!;
  return JSON.stringify({ ...model, id, label: `Bench fact ${i}`, statement: `Statement ${i} of the bench facts.` });
}

/** The bench's rows on an empty migrated database at `target`; returns the number of rows written besides the corpus. */
export async function buildScaleDb(target: DatabaseTarget, shape: Shape, log: (s: string) => void = () => {}): Promise<number> {
  const { students: N, attempts: ATTEMPTS, now: NOW } = shape;
  const corpus = loadValidCorpus("content");
  const db = createDb(target);
  let deckCards: string[];
  let factOf: Map<string, string>;
  try {
    await seedCorpus({ corpus, cards: generateCards(corpus), decks: loadDecks("content") }, db);
    const members = await db.deckCard.findMany({ where: { deckId: DECK }, select: { cardId: true, card: { select: { factId: true } } }, orderBy: { position: "asc" } });
    // The deck's cards first, then synthetic cards outside every deck up to `cards` (the corpus has fewer):
    // a student holds states of cards the deck does not show.
    const extra = Math.max(0, shape.cards - members.length);
    const facts = Array.from({ length: extra }, (_, i) => `bench-fact-${String(i).padStart(3, "0")}`);
    await db.fact.createMany({ data: facts.map((id, i) => ({ id, statement: `Statement ${i} of the bench facts.`, label: `Bench fact ${i}`, kind: "event", sortKey: `9999-${i}`, dataJson: benchFactJson(corpus, id, i), contentHash: "bench" })) });
    await db.card.createMany({ data: facts.map((factId, i) => ({ id: `bench-card-${i}`, factId, kind: "when", front: `Front ${i}`, back: `Back ${i}`, sourceSlug: "bench", quote: "q", link: "/", contentHash: "bench" })) });
    deckCards = [...members.map((m) => m.cardId), ...facts.map((_, i) => `bench-card-${i}`)].slice(0, shape.cards);
    factOf = new Map([...members.map((m) => [m.cardId, m.card.factId] as const), ...facts.map((f, i) => [`bench-card-${i}`, f] as const)]);
  } finally {
    await db.$disconnect();
  }
  const w = target.provider === "sqlite" ? sqliteWriter(target.file) : await pgWriter(target.url);
  const b = batcher(w, target.provider === "sqlite" ? 50_000 : 20_000);
  const rand = seededRandom(20261202);
  // A real review log's JSON (lib/srs applyGrade), reused for every row: its size is what matters.
  const template = applyGrade(newCardState(NOW), 3, NOW, DEFAULT_SRS_PARAMS).log;
  const logJson = JSON.stringify({ ...template, previous: { ...template.previous, state: "Review" } });
  const quizSettings = JSON.stringify({ questionCount: QUESTIONS, types: ["multiple-choice"], timeLimitMinutes: 20, attemptsAllowed: ATTEMPTS, feedback: "end", shuffle: true, questionSet: "per-student", timeMultipliers: {} });
  const attemptSettings = JSON.stringify({ count: QUESTIONS, types: ["multiple-choice"], feedback: "end" });
  const factIds = [...new Set(deckCards.map((c) => factOf.get(c)!))];
  const question = (k: number) => {
    const f = factIds[Math.floor(k / 2) % factIds.length]!;
    return {
      id: `bench-q-${k}`,
      type: "multiple-choice",
      prompt: `When did the event of ${f} happen, according to the report that documents it?`,
      options: ["1994", "1997", "2020", "2023"],
      answer: "2020",
      factIds: [f],
      sources: [{ slug: "bench", quote: "A quoted sentence from the article that documents this fact, long enough to be realistic in size." }],
      explanation: "The article dates the event; the other years belong to other events of the corpus.",
      about: "when",
    };
  };
  const attemptRows = async (userId: string, assignmentId: string | null, n: number, id: string, number: number | null, startedAt: Date) => {
    const picked = new Set<number>();
    while (picked.size < QUESTIONS) picked.add(Math.floor(rand() * factIds.length * 2));
    const questions = [...picked].map(question);
    let score = 0;
    for (const [i, q] of questions.entries()) {
      const correct = rand() < 0.7;
      if (correct) score++;
      await b.add(T.answer, [id, q.id, i, '"2020"', correct, correct ? 1 : 0, new Date(startedAt.getTime() + (i + 1) * 30_000)]);
    }
    await b.add(T.attempt, [id, userId, DECK, assignmentId, number, id, attemptSettings, JSON.stringify({ seed: id, settings: { count: QUESTIONS }, questions }), QUESTIONS, startedAt, new Date(startedAt.getTime() + 6 * 60_000), score, QUESTIONS]);
    void n;
  };

  await b.add(T.user, [TEACHER_ID, "Bench Teacher", "teacher@bench.test", false, "teacher", NOW, NOW]);
  // Classes: the bench teacher's 30 and (when there are students enough) 300, then classes of 30 for everyone else.
  const classes: { id: string; teacher: string; from: number; to: number }[] = [{ id: SMALL_CLASS, teacher: TEACHER_ID, from: 0, to: Math.min(30, N) }];
  if (N >= 330) classes.push({ id: LARGE_CLASS, teacher: TEACHER_ID, from: 30, to: 330 });
  for (let from = classes.at(-1)!.to, k = 0; from < N; from += 30, k++) classes.push({ id: `class-${k}`, teacher: `teacher-${k}`, from, to: Math.min(N, from + 30) });
  for (const c of classes) {
    if (c.teacher !== TEACHER_ID) await b.add(T.user, [c.teacher, `Teacher ${c.id}`, `${c.teacher}@bench.test`, false, "teacher", NOW, NOW]);
    await b.add(T.classroom, [c.id, c.teacher, `Class ${c.id}`, `J${c.id.toUpperCase().replace(/[^A-Z0-9]/g, "")}`.slice(0, 24), NOW, NOW]);
    await b.add(T.assignment, [`${c.id}-review`, c.id, DECK, "review", `Review ${c.id}`, new Date(NOW.getTime() - 30 * DAY), new Date(NOW.getTime() - DAY), "{}", "r", NOW, NOW]);
    await b.add(T.assignment, [`${c.id}-quiz`, c.id, DECK, "quiz", `Quiz ${c.id}`, new Date(NOW.getTime() - 30 * DAY), new Date(NOW.getTime() - 2 * DAY), quizSettings, "q", NOW, NOW]);
  }
  const classOf = (i: number) => classes.find((c) => i >= c.from && i < c.to)!;

  let logs = 0;
  for (let s = 0; s < N; s++) {
    const id = studentId(s);
    const klass = classOf(s);
    await b.add(T.user, [id, `Student ${String(s).padStart(6, "0")}`, `${id}@bench.test`, false, "student", NOW, NOW]);
    await b.add(T.member, [klass.id, id, new Date(NOW.getTime() - 40 * DAY)]);
    for (const cardId of deckCards) {
      const reviews = 1 + Math.floor(rand() * 4) + (rand() < 0.1 ? 1 : 0);
      const last = new Date(NOW.getTime() - Math.floor(rand() * 60 * DAY));
      const scheduled = 1 + Math.floor(rand() * 60);
      await b.add(T.state, [id, cardId, new Date(last.getTime() + scheduled * DAY), 1 + rand() * 60, 1 + rand() * 9, scheduled, scheduled, 0, reviews, 0, "Review", last, reviews, NOW, NOW]);
      for (let r = 0; r < reviews; r++) {
        const at = new Date(last.getTime() - (reviews - 1 - r) * Math.floor(1 + rand() * 10) * DAY);
        const duration = rand() < 0.05 ? 60_000 + Math.floor(rand() * 120_000) : 1_000 + Math.floor(rand() * 20_000);
        await b.add(T.log, [`${id}-${cardId}-${r}`, id, cardId, 1 + Math.floor(rand() * 4), at, duration, r + 1, r === 0, logJson, null]);
        logs++;
      }
    }
    if (klass.teacher === TEACHER_ID) {
      for (let a = 0; a < ATTEMPTS; a++) await attemptRows(id, `${klass.id}-quiz`, a, `${id}-att-${a}`, a + 1, new Date(NOW.getTime() - (ATTEMPTS - a) * DAY));
    } else {
      await attemptRows(id, null, 0, `${id}-practice`, null, new Date(NOW.getTime() - 3 * DAY));
    }
    if (s % 1000 === 999) log(`  … ${s + 1} students, ${logs} logs`);
  }
  const written = await b.flush();
  await w.close();
  return written;
}
