/**
 * The baseline: a bare node:http + better-sqlite3 server doing the same work
 * as the grade route, minus the framework and Prisma (see main.ts, step 7):
 * the same rules from lib/srs (`answerCard` with its version check and clock
 * clamp, `clockAllowedDurationMs`, `countDoneToday`, `buildQueue` for the next
 * card and the counts, `previewIntervals`), the same reads (settings, today's
 * logs, every card state of the student) and writes, and the static corpus
 * (deck members, cards, outlets, steps) read once at start, as the app caches
 * it (lib/data/corpus-cache). Run as its own child process by main.ts:
 *
 *   tsx scripts/bench/review/baseline-server.ts --serve-baseline <db file> --baseline-port <port>
 */
import crypto from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";
import { factSchema } from "@/lib/content/schema";
import { cardStep } from "@/lib/generate/evidence";
import { answerCard } from "@/lib/srs/answer-card";
import { StaleState } from "@/lib/srs/stale-state";
import { buildQueue } from "@/lib/srs/build-queue";
import { newCardState, type SrsCardState, type SrsState } from "@/lib/srs/card-state";
import { countDoneToday } from "@/lib/srs/done-today";
import { gradeRequestSchema } from "@/lib/srs/grade-request";
import { srsParams, studySettingsSchema, type SrsParams } from "@/lib/srs/params";
import { previewIntervals } from "@/lib/srs/preview-intervals";
import { clockAllowedDurationMs } from "@/lib/srs/review-duration";
import { addDays, studyDay, studyDayStart } from "@/lib/srs/study-day";
import { arg } from "../shared/args";
import { BASELINE_PORT, COOKIE_NAME } from "./options";

/** SQLite DATETIME text exactly as Prisma's better-sqlite3 adapter writes it. */
const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

type StateRow = {
  cardId: string;
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: string;
  lastReview: string | null;
  version: number;
};

function serveBaseline(dbFile: string, port: number) {
  const secret = process.env.BETTER_AUTH_SECRET ?? "";
  const db = new Database(dbFile);
  // The same busy timeout and journal as the app (lib/db.ts, lib/db-sqlite-queue.ts).
  db.pragma("busy_timeout = 10000");
  db.pragma("journal_mode = WAL");
  const q = {
    session: db.prepare<[string], { userId: string; expiresAt: string; role: string }>(
      `SELECT s.userId, s.expiresAt, u.role FROM Session s JOIN User u ON u.id = s.userId WHERE s.token = ?`,
    ),
    deck: db.prepare<[string], { id: string }>(`SELECT id FROM Deck WHERE id = ?`),
    replay: db.prepare<[string], { userId: string; cardId: string; grade: number; versionAfter: number }>(
      `SELECT userId, cardId, grade, versionAfter FROM ReviewLog WHERE id = ?`,
    ),
    settings: db.prepare<[string], { desiredRetention: number; newPerDay: number; maxReviewsPerDay: number; timeZone: string; dayStartHour: number }>(
      `SELECT desiredRetention, newPerDay, maxReviewsPerDay, timeZone, dayStartHour FROM StudySettings WHERE userId = ?`,
    ),
    states: db.prepare<[string], StateRow>(
      `SELECT cardId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, version
         FROM CardState WHERE userId = ?`,
    ),
    recent: db.prepare<[string, string], { cardId: string; reviewedAt: string; introduced: number; logJson: string; undoneAt: string | null }>(
      `SELECT cardId, reviewedAt, introduced, logJson, undoneAt FROM ReviewLog WHERE userId = ? AND reviewedAt >= ? ORDER BY reviewedAt, id`,
    ),
    update: db.prepare(
      `UPDATE CardState SET due = @due, stability = @stability, difficulty = @difficulty, elapsedDays = @elapsedDays,
              scheduledDays = @scheduledDays, learningSteps = @learningSteps, reps = @reps, lapses = @lapses, state = @state,
              lastReview = @lastReview, version = @version, updatedAt = @now
        WHERE userId = @userId AND cardId = @cardId AND version = @expectedVersion`,
    ),
    insert: db.prepare(
      `INSERT INTO CardState (userId, cardId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, version, createdAt, updatedAt)
       VALUES (@userId, @cardId, @due, @stability, @difficulty, @elapsedDays, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview, @version, @now, @now)`,
    ),
    log: db.prepare(
      `INSERT INTO ReviewLog (id, userId, cardId, grade, reviewedAt, durationMs, versionAfter, introduced, logJson)
       VALUES (@id, @userId, @cardId, @grade, @reviewedAt, @durationMs, @versionAfter, @introduced, @logJson)`,
    ),
  };

  const toState = (r: StateRow): SrsCardState => ({
    due: new Date(r.due), stability: r.stability, difficulty: r.difficulty, elapsedDays: r.elapsedDays, scheduledDays: r.scheduledDays,
    learningSteps: r.learningSteps, reps: r.reps, lapses: r.lapses, state: r.state as SrsState, lastReview: r.lastReview ? new Date(r.lastReview) : null, version: r.version,
  });
  const paramsFor = (userId: string) => srsParams(studySettingsSchema.parse(q.settings.get(userId) ?? {}));

  // The static corpus, read once (the app keeps it per corpus version: lib/data/corpus-cache).
  const outlets = new Map(db.prepare<[], { slug: string; outlet: string }>(`SELECT slug, outlet FROM Source`).all().map((r) => [r.slug, r.outlet]));
  const cards = new Map(
    db
      .prepare<[], { id: string; kind: string; front: string; back: string; quote: string; link: string; sourceSlug: string; dataJson: string }>(
        `SELECT c.id, c.kind, c.front, c.back, c.quote, c.link, c.sourceSlug, f.dataJson FROM Card c JOIN Fact f ON f.id = c.factId`,
      )
      .all()
      .map((c) => [c.id, { id: c.id, kind: c.kind, front: c.front, back: c.back, quote: c.quote, link: c.link, outlet: outlets.get(c.sourceSlug) ?? c.sourceSlug, step: cardStep(factSchema.parse(JSON.parse(c.dataJson)), c.id) }]),
  );
  const decks = new Map<string, { id: string; position: number; factId: string; storyKey: string }[]>();
  for (const d of db.prepare<[], { id: string }>(`SELECT id FROM Deck`).all()) decks.set(d.id, []);
  for (const m of db
    .prepare<[], { deckId: string; cardId: string; position: number; factId: string; sortKey: string }>(
      `SELECT dc.deckId, dc.cardId, dc.position, c.factId, f.sortKey FROM DeckCard dc JOIN Card c ON c.id = dc.cardId AND c.retired = 0 JOIN Fact f ON f.id = c.factId ORDER BY dc.deckId, dc.position`,
    )
    .all())
    decks.get(m.deckId)?.push({ id: m.cardId, position: m.position, factId: m.factId, storyKey: m.sortKey });

  type Recent = { cardId: string; reviewedAt: Date; introduced: boolean; previousState: SrsState; undone: boolean };
  /** The student's reads, as the app's two statements: settings, logs of the last 26 h, every card state. */
  const studentReads = (userId: string, now: Date) => ({
    params: paramsFor(userId),
    recent: q.recent.all(userId, sqlDate(new Date(now.getTime() - 26 * 3_600_000))).map(
      (l): Recent => ({ cardId: l.cardId, reviewedAt: new Date(l.reviewedAt), introduced: l.introduced === 1, previousState: (JSON.parse(l.logJson) as { previous: { state: SrsState } }).previous.state, undone: l.undoneAt !== null }),
    ),
    states: new Map(q.states.all(userId).map((r) => [r.cardId, toState(r)])),
  });

  /** The next card and the counts by lib/srs `buildQueue`, as `queueFrom` in lib/data/reviews.ts. */
  const nextCard = (deckId: string, reads: ReturnType<typeof studentReads>, now: Date) => {
    const params: SrsParams = reads.params;
    const members = decks.get(deckId) ?? [];
    const since = studyDayStart(studyDay(now, params.timeZone, params.dayStartHour), params.timeZone, params.dayStartHour);
    const today = reads.recent.filter((l) => l.reviewedAt >= since && !l.undone);
    const done = { ...countDoneToday(today.map((l) => (l.introduced ? "New" : l.previousState))), gradedCardIds: today.map((l) => l.cardId) };
    const queue = buildQueue({ cards: members.map((m) => ({ ...m, state: reads.states.get(m.id) ?? null })), now, params, doneToday: done });
    if (!queue.next) {
      let nextDue: Date | null = null;
      for (const m of members) {
        const s = reads.states.get(m.id);
        if (s && s.due > now && (!nextDue || s.due < nextDue)) nextDue = s.due;
      }
      const tomorrow = studyDayStart(addDays(studyDay(now, params.timeZone, params.dayStartHour), 1), params.timeZone, params.dayStartHour);
      if (members.some((m) => !reads.states.has(m.id) || reads.states.get(m.id)!.state === "New") && (!nextDue || tomorrow < nextDue)) nextDue = tomorrow;
      return { counts: queue.counts, card: null, nextDue };
    }
    const c = cards.get(queue.next)!;
    const state = reads.states.get(c.id) ?? newCardState(now);
    const p = previewIntervals(state, now, params);
    return { counts: queue.counts, card: { cardId: c.id, kind: c.kind, front: c.front, back: c.back, quote: c.quote, link: c.link, outlet: c.outlet, step: c.step, version: state.version, previews: { 1: p[1].label, 2: p[2].label, 3: p[3].label, 4: p[4].label } }, nextDue: null };
  };

  /** better-auth's signed cookie: `<token>.<base64 HMAC-SHA256(secret, token)>`, checked, then the session row by token. */
  const viewer = (cookieHeader: string | undefined, now: Date) => {
    const raw = cookieHeader?.split(/;\s*/).find((c) => c.startsWith(`${COOKIE_NAME}=`));
    if (!raw) return null;
    const value = decodeURIComponent(raw.slice(COOKIE_NAME.length + 1));
    const dot = value.lastIndexOf(".");
    const token = value.slice(0, dot);
    const sig = Buffer.from(value.slice(dot + 1));
    const want = Buffer.from(crypto.createHmac("sha256", secret).update(token).digest("base64"));
    if (dot < 1 || sig.length !== want.length || !crypto.timingSafeEqual(sig, want)) return null;
    const s = q.session.get(token);
    return s && new Date(s.expiresAt) > now ? s : null;
  };

  class Refused extends Error {
    constructor(readonly status: number, message: string) {
      super(message);
    }
  }

  const grade = db.transaction((userId: string, input: ReturnType<typeof gradeRequestSchema.parse>, now: Date) => {
    const prior = q.replay.get(input.reviewId);
    const reads = studentReads(userId, now);
    if (prior) {
      if (prior.userId !== userId || prior.cardId !== input.cardId || prior.grade !== input.grade) throw new Refused(409, "review id reused");
      return { outcome: { replayed: true, cardId: input.cardId, version: prior.versionAfter, due: reads.states.get(input.cardId)?.due ?? null }, next: nextCard(input.deckId, reads, now) };
    }
    if (!decks.get(input.deckId)?.some((m) => m.id === input.cardId)) throw new Refused(404, "No such card.");
    const row = reads.states.get(input.cardId) ?? null;
    let answered: ReturnType<typeof answerCard>;
    try {
      answered = answerCard({ current: row, expectedVersion: input.expectedVersion, grade: input.grade, now, params: reads.params });
    } catch (e) {
      if (e instanceof StaleState) throw new Refused(409, "This card changed since it was shown.");
      throw e;
    }
    const { next, log, reviewedAt, introduced } = answered;
    let previousAt: Date | null = null;
    for (const l of reads.recent) if (l.reviewedAt <= now && (!previousAt || l.reviewedAt > previousAt)) previousAt = l.reviewedAt;
    const cols = {
      userId,
      cardId: input.cardId,
      due: sqlDate(next.due),
      stability: next.stability,
      difficulty: next.difficulty,
      elapsedDays: next.elapsedDays,
      scheduledDays: next.scheduledDays,
      learningSteps: next.learningSteps,
      reps: next.reps,
      lapses: next.lapses,
      state: next.state,
      lastReview: next.lastReview ? sqlDate(next.lastReview) : null,
      version: next.version,
      now: sqlDate(now),
    };
    if (row) {
      if (q.update.run({ ...cols, expectedVersion: input.expectedVersion }).changes !== 1) throw new Refused(409, "This card changed since it was shown.");
    } else {
      q.insert.run(cols);
    }
    q.log.run({
      id: input.reviewId,
      userId,
      cardId: input.cardId,
      grade: input.grade,
      reviewedAt: sqlDate(reviewedAt),
      durationMs: clockAllowedDurationMs(input.durationMs, previousAt, now),
      versionAfter: next.version,
      introduced: introduced ? 1 : 0,
      logJson: JSON.stringify(log),
    });
    reads.states.set(input.cardId, next);
    reads.recent.push({ cardId: input.cardId, reviewedAt, introduced, previousState: log.previous.state, undone: false });
    return { outcome: { replayed: false, cardId: input.cardId, due: next.due, version: next.version }, next: nextCard(input.deckId, reads, now) };
  });

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", "content-length": Buffer.byteLength(json) });
    res.end(json);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        const now = new Date();
        if (req.url === "/health") return send(res, 200, { ok: true });
        const who = viewer(req.headers.cookie, now);
        if (!who) return send(res, 401, { error: "Please sign in." });
        const nextMatch = req.method === "GET" ? /^\/api\/review\/([a-z0-9-]{1,80})\/next$/.exec(req.url ?? "") : null;
        if (nextMatch) {
          if (!q.deck.get(nextMatch[1]!)) return send(res, 404, { error: "No such deck." });
          return send(res, 200, nextCard(nextMatch[1]!, studentReads(who.userId, now), now));
        }
        if (req.method === "POST" && req.url === "/api/review/grade") {
          let json: unknown;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          } catch {
            return send(res, 400, { error: "invalid JSON" });
          }
          const parsed = gradeRequestSchema.safeParse(json);
          if (!parsed.success) return send(res, 400, { error: "invalid input" });
          if (!q.deck.get(parsed.data.deckId)) return send(res, 404, { error: "No such deck." });
          return send(res, 200, grade.immediate(who.userId, parsed.data, now));
        }
        return send(res, 404, { error: "not found" });
      } catch (e) {
        if (e instanceof Refused) return send(res, e.status, { error: e.message });
        console.error(e);
        return send(res, 500, { error: String((e as Error).message) });
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, "127.0.0.1", () => console.log(`baseline listening on ${port}`));
  const stop = () => server.close(() => (db.close(), process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (require.main === module) serveBaseline(arg("serve-baseline", ""), BASELINE_PORT);
