/**
 * Every counted limit holds under 100 concurrent requests, on SQLite and on
 * PostgreSQL: the database keeps the count (a guarded UPDATE, a unique key),
 * so no request can slip between another's check and its write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/roles";
import { signIn, signUp, type RequestContext } from "@/lib/auth/session";
import { SIGN_UP_LIMIT } from "@/lib/auth/auth-server";
import { createAssignment } from "@/lib/data/assignments";
import { startAssignment } from "@/lib/data/assignment-start";
import { createClass, JOIN_FAILURE_LIMIT, joinClassByCode, lookUpJoinCode, TooManyJoinCodes } from "@/lib/data/classes";
import { takeSlot } from "@/lib/data/limits";
import { Invalid } from "@/lib/errors";
import { Conflict, RateLimited, Unauthorized } from "@/lib/errors";
import { availableProviders, testDb, type TestDb } from "../helpers/test-db";
import { corpusInput, makeUser, seededDb } from "../helpers/seeded-db";

const N = 100;
const NOW = new Date("2026-03-02T09:00:00Z");
const viewer = (u: { id: string; name: string; email: string; role: string }): Viewer => ({ ...u, role: u.role === "teacher" ? "teacher" : "student" });
const settle = <T>(ps: Promise<T>[]) => Promise.all(ps.map((p) => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }))));

describe.each(availableProviders())("limits under 100 concurrent requests on %s", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await seededDb(provider);
  });
  afterAll(async () => t?.close());

  it(`takeSlot: ${N} concurrent takers of a limit of 10 get exactly 10 slots`, async () => {
    const out = await settle(Array.from({ length: N }, () => takeSlot("test:slots", { max: 10, windowSeconds: 60 }, NOW, t.db)));
    const taken = out.filter((o) => o.ok && o.value.ok).length;
    console.log(`[limits ${provider}] takeSlot: ${taken} of ${N} taken (limit 10)`);
    expect(out.every((o) => o.ok)).toBe(true);
    expect(taken).toBe(10);
    expect(await t.db.rateLimit.findUnique({ where: { key: "test:slots" }, select: { count: true } })).toEqual({ count: 10 });
  });

  it(`join codes: ${N} concurrent wrong codes get ${JOIN_FAILURE_LIMIT.max} lookups`, async () => {
    const teacher = viewer(await makeUser(t.db, { role: "teacher" }));
    const student = viewer(await makeUser(t.db));
    const klass = await createClass(teacher, { name: "Join race", termStart: null, termEnd: null, timeZone: "UTC" }, t.db);
    const wrong = klass.joinCode === "ABCDEFGH" ? "ABCDEFGJ" : "ABCDEFGH";
    const out = await settle(Array.from({ length: N }, () => lookUpJoinCode(student, wrong, NOW, t.db)));
    const lookedUp = out.filter((o) => !o.ok && o.error instanceof Invalid).length;
    const refused = out.filter((o) => !o.ok && o.error instanceof TooManyJoinCodes).length;
    console.log(`[limits ${provider}] join codes: ${lookedUp} lookups of ${N} (limit ${JOIN_FAILURE_LIMIT.max}), ${refused} refused`);
    expect(lookedUp).toBe(JOIN_FAILURE_LIMIT.max);
    expect(refused).toBe(N - JOIN_FAILURE_LIMIT.max);
    // The right code is refused too while locked out; another student joins.
    await expect(joinClassByCode(student, klass.joinCode, NOW, t.db)).rejects.toBeInstanceOf(TooManyJoinCodes);
  });

  it(`quiz attempts: ${N} concurrent starts of a 1-attempt quiz make 1 attempt, and all land on it`, async () => {
    const teacher = viewer(await makeUser(t.db, { role: "teacher" }));
    const student = viewer(await makeUser(t.db));
    const klass = await createClass(teacher, { name: "Start race", termStart: null, termEnd: null, timeZone: "UTC" }, t.db);
    await joinClassByCode(student, klass.joinCode, NOW, t.db);
    const a = await createAssignment(teacher, klass.id, {
      kind: "quiz", deckId: "sept-2023", title: "", openAt: "2026-03-01T08:00", dueAt: "2026-03-09T23:59", questionCount: "3",
      types: ["multiple-choice", "true-false"], timeLimitMinutes: "", attemptsAllowed: "1", feedback: "end", shuffle: "on", questionSet: "fixed", timeMultipliers: {},
    }, undefined, t.db);
    const { corpus } = corpusInput();
    const out = await settle(Array.from({ length: N }, () => startAssignment(student, a.id, NOW, corpus, t.db)));
    const attempts = await t.db.quizAttempt.findMany({ where: { assignmentId: a.id }, select: { id: true } });
    const hrefs = new Set(out.flatMap((o) => (o.ok ? [o.value.href] : [])));
    console.log(`[limits ${provider}] quiz starts: ${attempts.length} attempt(s) from ${N} starts (allowed 1); ${out.filter((o) => !o.ok).length} errors`);
    expect(out.filter((o) => !o.ok).map((o) => String((o as { error: unknown }).error))).toEqual([]);
    expect(attempts).toHaveLength(1);
    expect([...hrefs]).toEqual([`/quiz/${attempts[0]!.id}`]);
    // Once finished, the next start is refused: the allowance is used up.
    await t.db.quizAttempt.update({ where: { id: attempts[0]!.id }, data: { finishedAt: NOW } });
    const again = await settle(Array.from({ length: 20 }, () => startAssignment(student, a.id, NOW, corpus, t.db)));
    expect(again.every((o) => !o.ok && o.error instanceof Conflict)).toBe(true);
    expect(await t.db.quizAttempt.count({ where: { assignmentId: a.id } })).toBe(1);
  });
});

describe.each(availableProviders())("sign-in and sign-up limits under concurrency on %s", (provider) => {
  let t: TestDb;
  const saved = process.env.DATABASE_URL;
  const ctx = (ip: string): RequestContext => ({ headers: new Headers({ "x-forwarded-for": ip, "user-agent": "vitest" }) });
  const password = "correct horse battery";
  beforeAll(async () => {
    t = await testDb(provider);
    process.env.DATABASE_URL = t.target.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = saved;
    await t.close();
  });

  it(`${N} concurrent wrong passwords from ${N} addresses never lock the owner out`, async () => {
    await signUp(ctx("192.0.2.1"), { name: "Target", email: "target@example.org", password, role: "student" });
    const out = await settle(Array.from({ length: N }, (_, i) => signIn(ctx(`198.18.${i >> 8}.${i & 255}`), { email: "target@example.org", password: `wrong password ${i}` })));
    const checked = out.filter((o) => !o.ok && o.error instanceof Unauthorized).length;
    console.log(`[limits ${provider}] sign-in: ${checked} of ${N} wrong tries from ${N} addresses checked (one each: each pair is within its free failures)`);
    expect(checked).toBe(N);
    // The progressive delay is per (account, address) pair: the owner, from their own address, signs in.
    const owner = await signIn(ctx("192.0.2.1"), { email: "target@example.org", password });
    expect(owner.viewer?.email).toBe("target@example.org");
  });

  it(`39 wrong and 1 right password at once from one address: no more than the address limit is checked`, async () => {
    await signUp(ctx("192.0.2.2"), { name: "Owner", email: "owner@example.org", password, role: "student" });
    const tries = Array.from({ length: 40 }, (_, i) => (i === 20 ? password : `wrong password ${i}`));
    const out = await settle(tries.map((p) => signIn(ctx("203.0.113.50"), { email: "owner@example.org", password: p })));
    const checked = out.filter((o) => o.ok || o.error instanceof Unauthorized).length;
    console.log(`[limits ${provider}] sign-in from one address: ${checked} of 40 checked`);
    expect(checked).toBeLessThanOrEqual(Number(process.env.FACTDECK_SIGN_IN_MAX ?? 5));
  });

  it(`${N} concurrent sign-ups from one address create at most ${SIGN_UP_LIMIT.max} accounts`, async () => {
    const before = await t.db.user.count();
    const out = await settle(Array.from({ length: N }, (_, i) => signUp(ctx("203.0.113.77"), { name: `S${i}`, email: `s${i}@example.org`, password, role: "student" })));
    const created = (await t.db.user.count()) - before;
    console.log(`[limits ${provider}] sign-ups: ${created} accounts from ${N} concurrent (limit ${SIGN_UP_LIMIT.max}); ${out.filter((o) => o.ok).length} accepted`);
    expect(created).toBeLessThanOrEqual(SIGN_UP_LIMIT.max);
    expect(out.filter((o) => !o.ok).every((o) => (o as { error: unknown }).error instanceof RateLimited)).toBe(true);
  });
});
