/**
 * The role × route matrix: every page, route handler and server action the
 * build contains, for every persona, with the expected outcome. A route or
 * action without an entry here fails the test, so new doors get locks.
 *
 * The doors are tried with real keys: the demo class and its assignments,
 * the students' real ids, and a quiz attempt student A really owns (made in
 * the setup through the app), with well-formed bodies — so what refuses a
 * stranger is the ownership check, not the input check. After each refused
 * change the class is read back to show nothing changed.
 *
 * No cell may show what its persona must not see: other people's e-mail
 * addresses and names, the class's name, join code and assignments (to
 * outsiders), and student A's quiz questions (to anyone but A and the
 * class's teacher).
 */
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { callAction, listRoutes, listServerActions, type ActionInfo } from "./server-actions";

const PERSONAS = ["anonymous", "studentA", "studentB", "classTeacher", "otherTeacher"] as const;
type Persona = (typeof PERSONAS)[number];

const PASSWORD = "factdeck-demo";
const ACCOUNTS: Record<Exclude<Persona, "anonymous">, { email: string; name: string; role: string }> = {
  studentA: { email: "ani@factdeck.test", name: "Ani Student", role: "student" },
  studentB: { email: "boris@factdeck.test", name: "Boris Student", role: "student" },
  classTeacher: { email: "teacher@factdeck.test", name: "Demo Teacher", role: "teacher" },
  otherTeacher: { email: "rustam.k@example.org", name: "Other Teacher", role: "teacher" },
};
const CLASS_ID = "demo-class";
const CLASS_NAME = "Demo class 7B";
const DEMO_REVIEW = { id: "demo-review", title: "Review: September 2023" };

/** What the setup made through the app; ids the matrix uses as keys. */
type Ids = {
  /** The demo class's join code, raw and as shown ("ABCD-2345"); a rotation adds the new one. */
  codes: string[];
  aniId: string;
  borisId: string;
  quiz: { id: string; title: string };
  throwaway: { id: string; title: string };
  attemptId: string;
  /** The two questions of A's attempt: the first answered in the setup, the second by A in the matrix. */
  questionIds: [string, string];
};

/** What a request should get: the page, a redirect to sign-in, a redirect away (already signed in), or 404. */
/** "teachers-only": a teacher page sends a signed-in student to /dashboard?notice=teachers-only. */
/** "to-teach": a signed-in teacher on a guests' page is sent to their teaching dashboard. */
type Outcome = "allow" | "sign-in" | "to-dashboard" | "to-teach" | "not-found" | "error-page" | "teachers-only";
/** A number is the exact HTTP status expected (route handlers: 401, 400, 404 …). */
type RouteRule = { url: string; expect: Record<Persona, Outcome | number>; kind: "page" | "api"; method?: "GET" | "POST"; body?: unknown };

const everyone = (o: Outcome) => Object.fromEntries(PERSONAS.map((p) => [p, o])) as Record<Persona, Outcome>;
const signedIn = { anonymous: "sign-in", studentA: "allow", studentB: "allow", classTeacher: "allow", otherTeacher: "allow" } as const;
const guestsOnly = { anonymous: "allow", studentA: "to-dashboard", studentB: "to-dashboard", classTeacher: "to-teach", otherTeacher: "to-teach" } as const;
/** Teacher pages about one class (the demo class, owned by classTeacher): its teacher only; another teacher gets 404. */
const classTeacherPage = { anonymous: "sign-in", studentA: "teachers-only", studentB: "teachers-only", classTeacher: "allow", otherTeacher: "not-found" } as const;
const teacherPage = { anonymous: "sign-in", studentA: "teachers-only", studentB: "teachers-only", classTeacher: "allow", otherTeacher: "allow" } as const;
/** Teacher exports: 401 signed out, 403 students, 404 for a class that is not yours. */
const classTeacherApi = { anonymous: 401, studentA: 403, studentB: 403, classTeacher: 200, otherTeacher: 404 };
/** Route handlers for signed-in users: 401 without a session, else `status` (e.g. 400 for an empty body). */
const apiSignedIn = (status: number) => ({ anonymous: 401, studentA: status, studentB: status, classTeacher: status, otherTeacher: status });
/** Student A's own attempt: A gets `status`; anyone else signed in gets 404, as for an attempt that does not exist. */
const attemptApi = (status: number) => ({ anonymous: 401, studentA: status, studentB: 404, classTeacher: 404, otherTeacher: 404 });

function routesFor(ids: Ids): Record<string, RouteRule> {
  return {
    "/": { url: "/", kind: "page", expect: everyone("allow") },
    "/_not-found": { url: "/_not-found", kind: "page", expect: everyone("not-found") },
    // Next's own error page, rendered with status 500 when asked for directly.
    "/_global-error": { url: "/_global-error", kind: "page", expect: everyone("error-page") },
    "/account": { url: "/account", kind: "page", expect: signedIn },
    "/api/health": { url: "/api/health", kind: "api", expect: everyone("allow") },
    "/dashboard": { url: "/dashboard", kind: "page", expect: signedIn },
    "/facts": { url: "/facts", kind: "page", expect: everyone("allow") },
    "/sign-in": { url: "/sign-in", kind: "page", expect: guestsOnly },
    "/sign-up": { url: "/sign-up", kind: "page", expect: guestsOnly },
    "/sources": { url: "/sources", kind: "page", expect: everyone("allow") },
    "/sources/[slug]": { url: "/sources/tass-2023-09-20-putin-pashinyan-call", kind: "page", expect: everyone("allow") },
    // Study: flashcard review (lead)
    "/decks/[deckId]": { url: "/decks/everything", kind: "page", expect: signedIn },
    "/review/[deckId]": { url: "/review/everything", kind: "page", expect: signedIn },
    "/progress": { url: "/progress", kind: "page", expect: signedIn },
    "/settings": { url: "/settings", kind: "page", expect: signedIn },
    "/api/review/[deckId]/next": { url: "/api/review/everything/next", kind: "api", expect: apiSignedIn(200) },
    "/api/review/grade": { url: "/api/review/grade", kind: "api", method: "POST", body: {}, expect: apiSignedIn(400) },
    "/api/review/undo": { url: "/api/review/undo", kind: "api", method: "POST", body: {}, expect: apiSignedIn(400) },
    "/api/review/[deckId]/offline": { url: "/api/review/everything/offline", kind: "api", expect: apiSignedIn(200) },
    // The installable app: the offline page, the manifest and the service worker are for everyone.
    "/offline": { url: "/offline", kind: "page", expect: everyone("allow") },
    "/manifest.webmanifest": { url: "/manifest.webmanifest", kind: "api", expect: everyone("allow") },
    "/serwist/[path]": { url: "/serwist/sw.js", kind: "api", expect: everyone("allow") },
    // Study: quizzes, on student A's real attempt. Someone else's attempt is a 404, like a missing one.
    "/quiz/[attemptId]": {
      url: `/quiz/${ids.attemptId}`,
      kind: "page",
      expect: { anonymous: "sign-in", studentA: "allow", studentB: "not-found", classTeacher: "not-found", otherTeacher: "not-found" },
    },
    "/quizzes": { url: "/quizzes", kind: "page", expect: signedIn },
    // A well-formed answer to A's next question: A's is recorded; everyone else's is refused by ownership (404), not by shape.
    "/api/quiz/[attemptId]/answers": {
      url: `/api/quiz/${ids.attemptId}/answers`,
      kind: "api",
      method: "POST",
      body: { questionId: ids.questionIds[1], response: "True" },
      expect: attemptApi(200),
    },
    // Teachers (classes, assignments, reports) and joining a class: the seeded demo class and the setup's quiz assignment.
    "/teach": { url: "/teach", kind: "page", expect: teacherPage },
    "/teach/classes/new": { url: "/teach/classes/new", kind: "page", expect: teacherPage },
    "/teach/classes/[classId]": { url: `/teach/classes/${CLASS_ID}`, kind: "page", expect: classTeacherPage },
    "/teach/classes/[classId]/assignments/new": { url: `/teach/classes/${CLASS_ID}/assignments/new`, kind: "page", expect: classTeacherPage },
    "/teach/classes/[classId]/facts": { url: `/teach/classes/${CLASS_ID}/facts`, kind: "page", expect: classTeacherPage },
    "/teach/assignments/[assignmentId]": { url: `/teach/assignments/${ids.quiz.id}`, kind: "page", expect: classTeacherPage },
    "/teach/assignments/[assignmentId]/edit": { url: `/teach/assignments/${ids.quiz.id}/edit`, kind: "page", expect: classTeacherPage },
    "/teach/assignments/[assignmentId]/preview": { url: `/teach/assignments/${ids.quiz.id}/preview`, kind: "page", expect: classTeacherPage },
    "/teach/classes/[classId]/join": { url: `/teach/classes/${CLASS_ID}/join`, kind: "page", expect: classTeacherPage },
    "/api/teach/assignments/[assignmentId]/csv": { url: `/api/teach/assignments/${ids.quiz.id}/csv?table=students`, kind: "api", expect: classTeacherApi },
    "/api/teach/classes/[classId]/facts-csv": { url: `/api/teach/classes/${CLASS_ID}/facts-csv`, kind: "api", expect: classTeacherApi },
    "/teach/classes/[classId]/item-reports": { url: `/teach/classes/${CLASS_ID}/item-reports`, kind: "page", expect: classTeacherPage },
    // Student A's attempt at the setup's quiz assignment: the class's teacher reads it; another teacher gets 404 as for none.
    "/teach/attempts/[attemptId]": { url: `/teach/attempts/${ids.attemptId}`, kind: "page", expect: classTeacherPage },
    // Each signed-in user reads only their own report on an item (none here).
    "/api/item-reports": { url: "/api/item-reports?kind=card&itemId=no-such-card", kind: "api", expect: apiSignedIn(200) },
    "/join": { url: "/join", kind: "page", expect: signedIn },
    // A join link answers signed-out visitors too: which class it opens (none here), and sign-up / sign-in links.
    "/join/[code]": { url: "/join/ABCD2345", kind: "page", expect: everyone("allow") },
    // Last: A finishes the attempt; nobody else can.
    "/api/quiz/[attemptId]/finish": { url: `/api/quiz/${ids.attemptId}/finish`, kind: "api", method: "POST", body: {}, expect: attemptApi(200) },
  };
}

/**
 * Server actions: "public" ones answer anyone; "user" ones refuse anonymous
 * callers with "Please sign in first." Each persona sends `fields` (real
 * ids; `as` per persona where the class's teacher must not really destroy
 * the demo data) and must get `passes` (or its `expect` entry): the
 * message, or the redirect, that shows which check answered.
 */
type ActionRule = {
  access: "public" | "user";
  passes: RegExp;
  expect?: Partial<Record<Persona, RegExp>>;
  fields?: Record<string, string>;
  as?: Partial<Record<Persona, Record<string, string>>>;
};

const TEACHERS_ONLY = { studentA: /Only teachers can do this/, studentB: /Only teachers can do this/ } as const;
const NOT_YOUR_CLASS = { ...TEACHERS_ONLY, otherTeacher: /No such class/ } as const;

function actionsFor(ids: Ids, code: () => string): Record<string, ActionRule> {
  const demo = { classId: CLASS_ID };
  const quizForm = {
    ...demo,
    kind: "quiz",
    deckId: "sept-2023",
    title: "Matrix intruder",
    openAt: "2026-01-01T08:00",
    dueAt: "2099-01-01T08:00",
    questionCount: "3",
    types: "true-false",
    attemptsAllowed: "1",
    feedback: "end",
    questionSet: "fixed",
  };
  return {
    signInAction: { access: "public", passes: /Enter your e-mail address/ },
    signUpAction: { access: "public", passes: /Enter your name/ },
    changeNameAction: { access: "user", passes: /Enter your name/ },
    changePasswordAction: { access: "user", passes: /Enter your current password/ },
    saveStudySettingsAction: { access: "user", passes: /Choose|Enter|between|must/ },
    startQuizAction: { access: "user", passes: /Choose a deck/ },
    createClassAction: { access: "user", passes: /Enter a name for the class/, expect: TEACHERS_ONLY },
    rotateJoinCodeAction: { access: "user", fields: demo, passes: /New join code made/, expect: NOT_YOUR_CLASS },
    // The class's teacher sends a bad archive flag (a field error, nothing archived); anyone else a real "archive".
    setClassArchivedAction: {
      access: "user",
      fields: { ...demo, archive: "1" },
      as: { classTeacher: { ...demo, archive: "yes" } },
      passes: /Choose whether to archive \(1\) or restore \(0\) the class/,
      expect: NOT_YOUR_CLASS,
    },
    // Strangers try to remove student A; the class's teacher removes someone who is not in the class.
    removeMemberAction: {
      access: "user",
      fields: { ...demo, studentId: ids.aniId },
      as: { classTeacher: { ...demo, studentId: "not-in-this-class" } },
      passes: /That student is not in this class/,
      expect: NOT_YOUR_CLASS,
    },
    // Strangers try to give A double time; the class's teacher saves A's normal time again.
    setTimeMultiplierAction: {
      access: "user",
      fields: { ...demo, studentId: ids.aniId, timeMultiplier: "2" },
      as: { classTeacher: { ...demo, studentId: ids.aniId, timeMultiplier: "1" } },
      passes: /Extra time saved/,
      expect: NOT_YOUR_CLASS,
    },
    // Strangers try to hide a real fact from the demo class; the class's teacher sends a bad flag (nothing hidden).
    setFactHiddenAction: {
      access: "user",
      fields: { ...demo, factId: "karabakh-breakaway-late-1980s", hide: "1" },
      as: { classTeacher: { ...demo, factId: "karabakh-breakaway-late-1980s", hide: "yes" } },
      passes: /Choose whether to hide \(1\) or show again \(0\)/,
      expect: NOT_YOUR_CLASS,
    },
    // A complete, valid quiz for the demo class; the class's teacher sends only the class (field errors, nothing saved).
    createAssignmentAction: { access: "user", fields: quizForm, as: { classTeacher: demo }, passes: /Please correct the fields marked below/, expect: NOT_YOUR_CLASS },
    // Strangers try to delete the demo review; the class's teacher deletes the setup's throwaway assignment.
    deleteAssignmentAction: {
      access: "user",
      fields: { assignmentId: DEMO_REVIEW.id },
      as: { classTeacher: { assignmentId: ids.throwaway.id } },
      passes: new RegExp(`/teach/classes/${CLASS_ID}\\?notice=assignment-deleted$`),
      expect: { ...TEACHERS_ONLY, otherTeacher: /No such assignment/ },
    },
    // Strangers send a complete edit; the class's teacher sends only the assignment (field errors, nothing saved).
    updateAssignmentAction: {
      access: "user",
      fields: { ...quizForm, assignmentId: ids.quiz.id },
      as: { classTeacher: { assignmentId: ids.quiz.id } },
      passes: /Please correct the fields marked below/,
      expect: { ...TEACHERS_ONLY, otherTeacher: /No such assignment/ },
    },
    // Strangers try to give A an extension; the class's teacher sends one before the due date (refused).
    setExtensionAction: {
      access: "user",
      fields: { assignmentId: ids.quiz.id, studentId: ids.aniId, dueAt: "2099-01-01T08:00" },
      as: { classTeacher: { assignmentId: ids.quiz.id, studentId: ids.aniId, dueAt: "2000-01-01T08:00" } },
      passes: /An extension must be later than the assignment's due date/,
      expect: { ...TEACHERS_ONLY, otherTeacher: /No such assignment/ },
    },
    clearExtensionAction: {
      access: "user",
      fields: { assignmentId: ids.quiz.id, studentId: ids.aniId },
      passes: /That student has no extension/,
      expect: { ...TEACHERS_ONLY, otherTeacher: /No such assignment/ },
    },
    // A preview answer is graded and never stored; a question not in the preview is refused.
    previewAnswerAction: {
      access: "user",
      fields: { assignmentId: ids.quiz.id, questionId: "not-in-this-preview", response: JSON.stringify("True") },
      passes: /That question is not in this preview/,
      expect: { ...TEACHERS_ONLY, otherTeacher: /No such assignment/ },
    },
    // The real code: students already in the class are sent to it (harmless); teachers cannot join as students.
    joinClassAction: {
      access: "user",
      get fields() {
        return { joinCode: code() };
      },
      passes: new RegExp(`/dashboard\\?joined=${CLASS_ID}`),
      expect: { classTeacher: /Join codes are for student accounts/, otherTeacher: /Join codes are for student accounts/ },
    },
    leaveClassAction: { access: "user", fields: { classId: "no-such-class" }, passes: /You are not in that class/ },
    // The demo review: its students are sent to the deck; teachers are not in the class.
    startAssignmentAction: {
      access: "user",
      fields: { assignmentId: DEMO_REVIEW.id },
      passes: /\/review\/[a-z0-9-]+/,
      expect: { classTeacher: /No such assignment/, otherTeacher: /No such assignment/ },
    },
    // An unknown deck: refused after sign-in and zod, before any write.
    studyMoreAction: { access: "user", fields: { kind: "ahead", deckId: "no-such-deck", from: "deck", amount: "1" }, passes: /No such deck/ },
    signOutAction: { access: "public", passes: /.*/ },
  };
}

/** The strings each persona may see; any other in `markers` is a leak wherever it shows up. */
function markers(ids: Ids): { text: string; seenBy: readonly Persona[] }[] {
  const inClass: Persona[] = ["classTeacher", "studentA", "studentB"];
  return [
    // A student's e-mail: theirs, and their class's teacher's (reports and CSVs tell namesakes apart by it, issue 14).
    ...Object.entries(ACCOUNTS).map(([p, a]) => ({ text: a.email, seenBy: a.role === "student" ? [p as Persona, "classTeacher" as Persona] : [p as Persona] })),
    { text: ACCOUNTS.studentA.name, seenBy: ["studentA", "classTeacher"] },
    { text: ACCOUNTS.studentB.name, seenBy: ["studentB", "classTeacher"] },
    { text: "Chloe Student", seenBy: ["classTeacher"] },
    { text: ACCOUNTS.classTeacher.name, seenBy: inClass },
    { text: ACCOUNTS.otherTeacher.name, seenBy: ["otherTeacher"] },
    { text: CLASS_NAME, seenBy: inClass },
    { text: DEMO_REVIEW.title, seenBy: inClass },
    { text: ids.quiz.title, seenBy: inClass },
    { text: ids.throwaway.title, seenBy: inClass },
    ...ids.codes.map((text) => ({ text, seenBy: ["classTeacher"] as Persona[] })),
    ...ids.questionIds.map((text) => ({ text, seenBy: ["studentA", "classTeacher"] as Persona[] })),
  ];
}

const forbiddenFor = (ids: Ids, p: Persona) => markers(ids).filter((m) => !m.seenBy.includes(p)).map((m) => m.text);

/** Dummy ids: enough to list the routes and actions for the "every door has an entry" check. */
const DUMMY: Ids = {
  codes: [],
  aniId: "a",
  borisId: "b",
  quiz: { id: "q", title: "q" },
  throwaway: { id: "t", title: "t" },
  attemptId: "x",
  questionIds: ["q1", "q2"],
};

const action = (all: ActionInfo[], name: string) => all.find((a) => a.name === name)!;

/** Where an action sent the browser, without Next's ";push" / ";replace" suffix. */
const target = (res: { redirect?: string }) => (res.redirect ?? "").split(";")[0]!;

/** "2026-11-21T08:00" in UTC (the demo class's zone), `days` from now. */
function localInUtc(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
}

test.describe("role × route matrix", () => {
  test("every page, route handler and server action has an entry", () => {
    expect(listRoutes()).toEqual(Object.keys(routesFor(DUMMY)).sort());
    expect(listServerActions().map((a) => a.name).sort()).toEqual(Object.keys(actionsFor(DUMMY, () => "")).sort());
  });

  test("each persona gets exactly what its cell says, refusals change nothing, and no cell leaks", async ({ baseURL }) => {
    test.setTimeout(240_000);
    const base = baseURL!;
    const stamp = Date.now().toString(36);
    const contexts = {} as Record<Persona, APIRequestContext>;
    const actions = listServerActions();
    for (const p of PERSONAS) {
      contexts[p] = await playwrightRequest.newContext({ baseURL: base });
      if (p === "anonymous") continue;
      const a = ACCOUNTS[p];
      if (p === "otherTeacher") {
        await callAction(contexts[p], base, action(actions, "signUpAction"), { name: a.name, email: a.email, password: PASSWORD, role: "teacher" }, "/sign-up");
      }
      const res = await callAction(contexts[p], base, action(actions, "signInAction"), { email: a.email, password: PASSWORD }, "/sign-in");
      expect(res.redirect, `${p} signs in and is sent on`).toMatch(a.role === "teacher" ? /^\/teach/ : /^\/dashboard/);
      const me = await contexts[p].get("/account", { maxRedirects: 0 });
      expect(me.status(), `${p} is signed in`).toBe(200);
      expect(await me.text()).toContain(a.email);
    }
    const teacher = contexts.classTeacher;

    // ── Setup through the app: ids from the class page, a quiz and a throwaway assignment, A's attempt ──
    const classPage = async () => {
      const res = await teacher.get(`/teach/classes/${CLASS_ID}`, { maxRedirects: 0 });
      expect(res.status()).toBe(200);
      return res.text();
    };
    const idOf = (html: string, name: string) => {
      const m = new RegExp(`for="tm-([A-Za-z0-9_-]+)"[^>]*>Extra time for (?:<!-- -->)?${name}<`).exec(html);
      expect(m, `the class page lists ${name}`).not.toBeNull();
      return m![1]!;
    };
    const codeOf = (html: string) => /data-testid="join-code"[^>]*>([2-9A-Z]{4})-([2-9A-Z]{4})</.exec(html)!.slice(1, 3).join("");
    const html0 = await classPage();
    const code0 = codeOf(html0);
    const makeAssignment = async (fields: Record<string, string>) => {
      const res = await callAction(teacher, base, action(actions, "createAssignmentAction"), { classId: CLASS_ID, openAt: localInUtc(-1), dueAt: localInUtc(30), ...fields });
      const id = /^\/teach\/assignments\/([A-Za-z0-9-]+)$/.exec(target(res))?.[1];
      expect(id, `created ${fields.title}: ${JSON.stringify(res.value)}`).toBeTruthy();
      return { id: id!, title: fields.title! };
    };
    const quiz = await makeAssignment({ kind: "quiz", deckId: "sept-2023", title: `Matrix quiz ${stamp}`, questionCount: "3", types: "true-false", attemptsAllowed: "1", feedback: "immediate", questionSet: "per-student" });
    const throwaway = await makeAssignment({ kind: "review", deckId: "war-2020", title: `Matrix throwaway ${stamp}` });
    const started = await callAction(contexts.studentA, base, action(actions, "startAssignmentAction"), { assignmentId: quiz.id });
    const attemptId = /^\/quiz\/([A-Za-z0-9-]+)$/.exec(target(started))?.[1];
    expect(attemptId, "A starts the quiz").toBeTruthy();
    const shownQuestion = async () => /data-question-id="([^"]+)"/.exec(await (await contexts.studentA.get(`/quiz/${attemptId}`)).text())![1]!;
    const q1 = await shownQuestion();
    expect((await contexts.studentA.post(`/api/quiz/${attemptId}/answers`, { data: { questionId: q1, response: "True" } })).status()).toBe(200);
    const q2 = await shownQuestion();
    expect(q2).not.toBe(q1);
    const ids: Ids = {
      codes: [code0, `${code0.slice(0, 4)}-${code0.slice(4)}`],
      aniId: idOf(html0, ACCOUNTS.studentA.name),
      borisId: idOf(html0, ACCOUNTS.studentB.name),
      quiz,
      throwaway,
      attemptId: attemptId!,
      questionIds: [q1, q2],
    };
    let currentCode = code0;

    // ── Routes ──
    for (const [pattern, rule] of Object.entries(routesFor(ids))) {
      for (const p of PERSONAS) {
        const res =
          rule.method === "POST"
            ? await contexts[p].post(rule.url, { data: rule.body ?? {}, maxRedirects: 0 })
            : await contexts[p].get(rule.url, { maxRedirects: 0 });
        const body = await res.text();
        const where = `${p} ${rule.method ?? "GET"} ${pattern}`;
        const want = rule.expect[p];
        if (typeof want === "number") {
          expect(res.status(), `${where}: ${body.slice(0, 200)}`).toBe(want);
        } else switch (want) {
          case "allow":
            expect(res.status(), where).toBe(200);
            break;
          case "not-found":
            expect(res.status(), where).toBe(404);
            break;
          case "error-page":
            expect(res.status(), where).toBe(500);
            break;
          case "sign-in":
            expect([303, 307, 308], where).toContain(res.status());
            expect(res.headers()["location"], where).toContain(`/sign-in?returnTo=${encodeURIComponent(rule.url)}`);
            break;
          case "to-dashboard":
            expect([303, 307, 308], where).toContain(res.status());
            expect(res.headers()["location"], where).toMatch(/\/dashboard$/);
            break;
          case "to-teach":
            expect([303, 307, 308], where).toContain(res.status());
            expect(res.headers()["location"], where).toMatch(/\/teach$/);
            break;
          case "teachers-only":
            expect([303, 307, 308], where).toContain(res.status());
            expect(res.headers()["location"], where).toMatch(/\/dashboard\?notice=teachers-only$/);
            break;
        }
        for (const marker of forbiddenFor(ids, p)) expect(body, `${where} leaks ${marker}`).not.toContain(marker);
      }
    }
    // A's answer counted, then A finished: one attempt, two answers, and nobody else's request changed it.
    const result = await (await contexts.studentA.post(`/api/quiz/${ids.attemptId}/finish`)).json();
    expect(result).toMatchObject({ maxScore: 3, answered: 2, alreadyFinished: true });

    // ── Actions. Refusals first; then the class is read back unchanged; then the class's own teacher. ──
    const titles = [DEMO_REVIEW.title, quiz.title, throwaway.title];
    const unchanged = async (where: string) => {
      const html = await classPage();
      for (const name of [ACCOUNTS.studentA.name, ACCOUNTS.studentB.name, "Chloe Student"]) expect(html, `${where}: roster keeps ${name}`).toContain(name);
      expect(codeOf(html), `${where}: join code`).toBe(currentCode);
      expect(html, `${where}: not archived`).toContain("Archive class");
      expect(html, `${where}: not archived`).not.toContain("Restore class");
      for (const t of titles) expect(html, `${where}: assignment ${t}`).toContain(t);
      expect(html, `${where}: no assignment added`).not.toContain("Matrix intruder");
      const multiplier = new RegExp(`id="tm-${ids.aniId}"[^>]*>\\s*<option value="1" selected=""`).test(html);
      expect(multiplier, `${where}: A's extra time is still normal`).toBe(true);
      expect((await teacher.get(`/teach/assignments/${DEMO_REVIEW.id}`, { maxRedirects: 0 })).status(), `${where}: demo review still there`).toBe(200);
    };
    const rules = actionsFor(ids, () => currentCode);
    const ordered = [...actions].sort((a, b) => Number(a.name === "signOutAction") - Number(b.name === "signOutAction"));
    const personaOrder: Persona[] = ["anonymous", "studentA", "studentB", "otherTeacher", "classTeacher"];
    for (const act of ordered) {
      const rule = rules[act.name]!;
      for (const p of personaOrder) {
        if (p === "classTeacher" && act.name !== "signOutAction") await unchanged(`after ${act.name} by the others`);
        const fields = rule.as?.[p] ?? rule.fields ?? {};
        const res = await callAction(contexts[p], base, act, fields);
        const where = `${p} → ${act.name}`;
        expect(res.status, where).toBeLessThan(500);
        const allowed = rule.access === "public" || p !== "anonymous";
        const text = JSON.stringify(res.value ?? "");
        if (allowed) {
          expect(text, where).not.toContain("Please sign in first");
          expect(text + target(res), where).toMatch(rule.expect?.[p] ?? rule.passes);
        } else {
          expect(text, where).toContain("Please sign in first.");
        }
        // A form echoes back what its caller typed (e.g. the join code), which is no leak.
        const sent = Object.values(fields);
        for (const marker of forbiddenFor(ids, p).filter((m) => !sent.includes(m))) expect(res.body, `${where} leaks ${marker}`).not.toContain(marker);
        if (p === "classTeacher" && act.name === "rotateJoinCodeAction") {
          const fresh = codeOf(await classPage());
          expect(fresh).not.toBe(currentCode);
          currentCode = fresh;
          ids.codes.push(fresh, `${fresh.slice(0, 4)}-${fresh.slice(4)}`);
        }
        if (p === "classTeacher" && act.name === "deleteAssignmentAction") titles.splice(titles.indexOf(throwaway.title), 1);
      }
    }
    for (const c of Object.values(contexts)) await c.dispose();
  });
});
