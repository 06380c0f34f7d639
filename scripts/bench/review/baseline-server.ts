/**
 * The baseline: a bare node:http + better-sqlite3 server doing what the grade
 * route does, minus the framework (see main.ts, step 7). Run as its own child
 * process by main.ts:
 *
 *   tsx scripts/bench/review/baseline-server.ts --serve-baseline <db file> --baseline-port <port>
 */
import crypto from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";
import { applyGrade } from "@/lib/srs/apply-grade";
import { newCardState, type SrsCardState, type SrsState } from "@/lib/srs/card-state";
import { gradeRequestSchema } from "@/lib/srs/grade-request";
import { srsParams, studySettingsSchema } from "@/lib/srs/params";
import { previewIntervals } from "@/lib/srs/preview-intervals";
import { arg } from "../shared/args";
import { BASELINE_PORT, COOKIE_NAME } from "./options";

/** SQLite DATETIME text exactly as Prisma's better-sqlite3 adapter writes it. */
const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

type StateRow = {
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
  // The same busy timeout the app's driver adapter sets (lib/db.ts); default (rollback) journal, as the app.
  db.pragma("busy_timeout = 10000");
  const q = {
    session: db.prepare<[string], { userId: string; expiresAt: string; role: string }>(
      `SELECT s.userId, s.expiresAt, u.role FROM Session s JOIN User u ON u.id = s.userId WHERE s.token = ?`,
    ),
    deck: db.prepare<[string], { id: string }>(`SELECT id FROM Deck WHERE id = ?`),
    replay: db.prepare<[string], { userId: string; cardId: string; grade: number; versionAfter: number }>(
      `SELECT userId, cardId, grade, versionAfter FROM ReviewLog WHERE id = ?`,
    ),
    member: db.prepare<[string, string], { retired: number }>(
      `SELECT c.retired FROM DeckCard dc JOIN Card c ON c.id = dc.cardId WHERE dc.deckId = ? AND dc.cardId = ?`,
    ),
    settings: db.prepare<[string], { desiredRetention: number; newPerDay: number; maxReviewsPerDay: number; timeZone: string; dayStartHour: number }>(
      `SELECT desiredRetention, newPerDay, maxReviewsPerDay, timeZone, dayStartHour FROM StudySettings WHERE userId = ?`,
    ),
    state: db.prepare<[string, string], StateRow>(
      `SELECT due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, version
         FROM CardState WHERE userId = ? AND cardId = ?`,
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
    nextDue: db.prepare<[string, string, string], { cardId: string }>(
      `SELECT cs.cardId FROM CardState cs JOIN DeckCard dc ON dc.cardId = cs.cardId AND dc.deckId = ?
        WHERE cs.userId = ? AND cs.due <= ? ORDER BY cs.due, cs.cardId LIMIT 1`,
    ),
    nextNew: db.prepare<[string, string], { cardId: string }>(
      `SELECT dc.cardId FROM DeckCard dc JOIN Card c ON c.id = dc.cardId AND c.retired = 0
        WHERE dc.deckId = ? AND NOT EXISTS (SELECT 1 FROM CardState cs WHERE cs.userId = ? AND cs.cardId = dc.cardId)
        ORDER BY dc.position, dc.cardId LIMIT 1`,
    ),
    card: db.prepare<[string], { id: string; kind: string; front: string; back: string; quote: string; link: string; sourceSlug: string; outlet: string | null }>(
      `SELECT c.id, c.kind, c.front, c.back, c.quote, c.link, c.sourceSlug,
              (SELECT s.outlet FROM FactSource fs JOIN Source s ON s.slug = fs.sourceSlug WHERE fs.factId = c.factId ORDER BY fs.position LIMIT 1) AS outlet
         FROM Card c WHERE c.id = ?`,
    ),
  };

  const toState = (r: StateRow): SrsCardState => ({ ...r, state: r.state as SrsState, due: new Date(r.due), lastReview: r.lastReview ? new Date(r.lastReview) : null });
  const paramsFor = (userId: string) => srsParams(studySettingsSchema.parse(q.settings.get(userId) ?? {}));

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

  const nextCard = (userId: string, deckId: string, now: Date) => {
    const id = q.nextDue.get(deckId, userId, sqlDate(now))?.cardId ?? q.nextNew.get(deckId, userId)?.cardId;
    if (!id) return { card: null, nextDue: null };
    const c = q.card.get(id)!;
    const row = q.state.get(userId, id);
    const state = row ? toState(row) : newCardState(now);
    const p = previewIntervals(state, now, paramsFor(userId));
    return {
      card: { cardId: c.id, kind: c.kind, front: c.front, back: c.back, quote: c.quote, link: c.link, outlet: c.outlet ?? c.sourceSlug, version: state.version, previews: { 1: p[1].label, 2: p[2].label, 3: p[3].label, 4: p[4].label } },
      nextDue: null,
    };
  };

  class Refused extends Error {
    constructor(readonly status: number, message: string) {
      super(message);
    }
  }

  const grade = db.transaction((userId: string, input: ReturnType<typeof gradeRequestSchema.parse>, now: Date) => {
    const prior = q.replay.get(input.reviewId);
    if (prior) {
      if (prior.userId !== userId || prior.cardId !== input.cardId || prior.grade !== input.grade) throw new Refused(409, "review id reused");
      return { replayed: true, cardId: input.cardId, version: prior.versionAfter, due: q.state.get(userId, input.cardId)?.due ?? null };
    }
    const member = q.member.get(input.deckId, input.cardId);
    if (!member || member.retired) throw new Refused(404, "No such card.");
    const params = paramsFor(userId);
    const row = q.state.get(userId, input.cardId);
    const current = row ? toState(row) : newCardState(now);
    if (current.version !== input.expectedVersion) throw new Refused(409, "This card changed since it was shown.");
    const { next, log } = applyGrade(current, input.grade, now, params);
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
      reviewedAt: sqlDate(now),
      durationMs: input.durationMs,
      versionAfter: next.version,
      introduced: row ? 0 : 1,
      logJson: JSON.stringify(log),
    });
    return { replayed: false, cardId: input.cardId, due: next.due, version: next.version };
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
          return send(res, 200, nextCard(who.userId, nextMatch[1]!, now));
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
          const outcome = grade.immediate(who.userId, parsed.data, now);
          return send(res, 200, { outcome, next: nextCard(who.userId, parsed.data.deckId, now) });
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
