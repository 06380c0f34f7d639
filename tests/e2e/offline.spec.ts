/**
 * The installable, offline review screen (issue 13): manifest and service
 * worker, an offline reload of the review page, grades queued on the device
 * and replayed in order when the browser is online again, undo of a queued
 * grade, merges of one card graded offline on two devices, and a second
 * account on the same browser never seeing or sending the first one's queue.
 * The server's rows are read straight from its database.
 */
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, screenshot, SHOTS_DIR, test } from "./fixtures";
import { signUpStudent } from "./session";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { srsReviewLogSchema } from "@/lib/srs/review-log";
import { replayReviews } from "@/lib/srs/merge-reviews";
import { srsParams } from "@/lib/srs/params";
import { parseGrade } from "@/lib/srs/grade";

const SHOTS = `${SHOTS_DIR}/b13off`;

type LogRow = { id: string; cardId: string; grade: number; reviewedAt: Date; logJson: string; undone: boolean; versionAfter: number };
type StateRow = { cardId: string; due: Date; stability: number; difficulty: number; reps: number; lapses: number; state: string; version: number };
const asDate = (v: unknown) => new Date(v as string | number | Date);

/** The server's review logs and card states of one account (SQLite file or PostgreSQL). */
async function serverRows(email: string): Promise<{ logs: LogRow[]; states: StateRow[] }> {
  const logSql = `SELECT l."id", l."cardId", l."grade", l."reviewedAt", l."logJson", l."undoneAt", l."versionAfter" FROM "ReviewLog" l JOIN "User" u ON u."id" = l."userId" WHERE u."email" = `;
  const stateSql = `SELECT s."cardId", s."due", s."stability", s."difficulty", s."reps", s."lapses", s."state", s."version" FROM "CardState" s JOIN "User" u ON u."id" = s."userId" WHERE u."email" = `;
  let rawLogs: Record<string, unknown>[];
  let rawStates: Record<string, unknown>[];
  if (E2E_DATABASE_URL.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
    await client.connect();
    try {
      rawLogs = (await client.query(logSql + "$1", [email])).rows;
      rawStates = (await client.query(stateSql + "$1", [email])).rows;
    } finally {
      await client.end();
    }
  } else {
    const db = new Database(path.resolve(E2E_DATABASE_URL.replace(/^file:/, "")), { readonly: true, fileMustExist: true });
    try {
      rawLogs = db.prepare(logSql + "?").all(email) as Record<string, unknown>[];
      rawStates = db.prepare(stateSql + "?").all(email) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  return {
    logs: rawLogs.map((r) => ({ id: String(r.id), cardId: String(r.cardId), grade: Number(r.grade), reviewedAt: asDate(r.reviewedAt), logJson: String(r.logJson), undone: r.undoneAt !== null, versionAfter: Number(r.versionAfter) })),
    states: rawStates.map((r) => ({ cardId: String(r.cardId), due: asDate(r.due), stability: Number(r.stability), difficulty: Number(r.difficulty), reps: Number(r.reps), lapses: Number(r.lapses), state: String(r.state), version: Number(r.version) })),
  };
}

/** Every card's stored state is the replay of its standing logs in time order, from the state before the one applied first. */
function expectStatesAreReplays(logs: LogRow[], states: StateRow[]) {
  const params = srsParams();
  for (const s of states) {
    const mine = logs.filter((l) => l.cardId === s.cardId && !l.undone).sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || (a.id < b.id ? -1 : 1));
    expect(mine.length, `logs of ${s.cardId}`).toBeGreaterThan(0);
    const firstApplied = mine.reduce((a, l) => (l.versionAfter < a.versionAfter ? l : a));
    const start = srsReviewLogSchema.parse(JSON.parse(firstApplied.logJson)).previous;
    const { state } = replayReviews(start, mine.map((l) => ({ id: l.id, grade: parseGrade(l.grade), reviewedAt: l.reviewedAt })), params);
    expect({ due: s.due.toISOString(), state: s.state, reps: s.reps, lapses: s.lapses, stability: s.stability.toFixed(6), difficulty: s.difficulty.toFixed(6) }, `state of ${s.cardId}`).toEqual({
      due: state.due.toISOString(),
      state: state.state,
      reps: state.reps,
      lapses: state.lapses,
      stability: state.stability.toFixed(6),
      difficulty: state.difficulty.toFixed(6),
    });
  }
}

/** Opens a deck's review screen with the service worker in control, so the page is cached for offline use. */
async function openReview(page: Page, deckId: string) {
  await page.goto(`/review/${deckId}`);
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
  // Loaded once more through the worker: now the page is in its cache.
  await page.reload();
  await expect(page.locator("[data-keys-ready]")).toHaveCount(1);
}

async function gradeShown(page: Page, grade: RegExp) {
  await page.getByTestId("card-front").tap();
  await page.getByRole("button", { name: grade }).tap();
  await expect(page.getByTestId("card-front").or(page.getByTestId("session-summary"))).toBeVisible();
}

const status = (page: Page) => page.getByTestId("sync-status");

test("installable and offline: reload offline, grade 15, undo one, back online → the server has exactly 14 logs and states that are their replay @phone-only", async ({ page, context }, testInfo) => {
  test.setTimeout(90_000);
  const email = await signUpStudent(page, testInfo, "offline");

  // Installability: the manifest Chromium asks for, linked from every page, and a registered worker.
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  const manifest = (await (await page.request.get(manifestHref!)).json()) as { name: string; start_url: string; display: string; icons: { sizes: string; type: string }[] };
  expect(manifest).toMatchObject({ name: "Factdeck", start_url: "/dashboard", display: "standalone" });
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as unknown as { src: string }[]) expect((await page.request.get(icon.src)).headers()["content-type"]).toBe("image/png");

  await openReview(page, "everything");
  // Chromium's own verdict on the page, manifest and worker (DevTools' installability check).
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
  // "in-incognito": every Playwright context is an off-the-record profile, where Chromium never installs; nothing else may show.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
  await cdp.detach();
  await expect(status(page)).toHaveText("Synced");
  await page.screenshot({ path: `${SHOTS}/phone-online.png` });

  await context.setOffline(true);
  await page.reload(); // served by the service worker
  await expect(page.getByTestId("card-front")).toBeVisible();
  await expect(page.locator("[data-keys-ready]")).toHaveCount(1);
  await expect(status(page)).toContainText("Offline");
  for (let i = 0; i < 15; i++) await gradeShown(page, i % 4 === 0 ? /^Again/ : /^Good/);
  await expect(status(page)).toHaveText("Offline — 15 grades waiting to sync");
  await page.getByRole("button", { name: "Undo last grade" }).tap();
  await expect(page.getByRole("status")).toHaveText("Last grade undone.");
  await expect(status(page)).toHaveText("Offline — 14 grades waiting to sync");
  await page.screenshot({ path: `${SHOTS}/phone-offline-waiting.png` });
  // A page never opened offline gets the offline page, not the browser's error.
  const other = await context.newPage();
  await other.goto("/sources");
  await expect(other.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await other.close();
  expect((await serverRows(email)).logs).toHaveLength(0);

  await context.setOffline(false);
  await expect(status(page)).toHaveText("Synced", { timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}/phone-synced.png` });
  const { logs, states } = await serverRows(email);
  expect(logs).toHaveLength(14);
  expect(logs.filter((l) => l.undone)).toHaveLength(0);
  expectStatesAreReplays(logs, states);
  await screenshot(page, testInfo, "offline-synced");
});

test("one card graded offline on two devices: both logs kept, the state is their replay in time order @phone-only", async ({ page, browser }, testInfo) => {
  const email = await signUpStudent(page, testInfo, "twodevices");
  const second: BrowserContext = await browser.newContext({ storageState: await page.context().storageState(), viewport: page.viewportSize()!, hasTouch: true, isMobile: true });
  const other = await second.newPage();
  try {
    await page.goto("/review/calls-meetings");
    await other.goto("/review/calls-meetings");
    for (const p of [page, other]) await expect(p.locator("[data-keys-ready]")).toHaveCount(1);
    const front = await page.getByTestId("card-front").textContent();
    expect(await other.getByTestId("card-front").textContent()).toBe(front);
    await page.context().setOffline(true);
    await second.setOffline(true);
    await gradeShown(page, /^Again/);
    await gradeShown(other, /^Easy/);
    await expect(status(page)).toContainText("1 grade waiting");
    await expect(status(other)).toContainText("1 grade waiting");
    await second.setOffline(false); // the later grade reaches the server first
    await expect(status(other)).toHaveText("Synced", { timeout: 20_000 });
    await page.context().setOffline(false);
    await expect(status(page)).toHaveText("Synced", { timeout: 20_000 });
  } finally {
    await second.close();
  }
  const { logs, states } = await serverRows(email);
  expect(logs).toHaveLength(2);
  expect(new Set(logs.map((l) => l.cardId)).size).toBe(1);
  expect(logs.map((l) => l.grade).sort()).toEqual([1, 4]);
  expect(states).toHaveLength(1);
  expectStatesAreReplays(logs, states);
});

test("a second account on the same browser never sees or sends the first one's queued grades; sign-out warns first @phone-only", async ({ page, context }, testInfo) => {
  const first = await signUpStudent(page, testInfo, "firstaccount");
  await page.goto("/review/calls-meetings");
  await expect(page.locator("[data-keys-ready]")).toHaveCount(1);
  // The grades cannot get out (a dropping network for that one endpoint).
  await page.route("**/api/review/grade", (route) => route.abort("internetdisconnected"));
  await gradeShown(page, /^Good/);
  await gradeShown(page, /^Good/);
  await expect(status(page)).toContainText("2 grades waiting");
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("unsynced-warning")).toContainText("2 grades have not been synced yet");
  await page.getByRole("button", { name: "Sign out anyway" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.unroute("**/api/review/grade");

  const secondEmail = await signUpStudent(page, testInfo, "secondaccount");
  await page.goto("/review/calls-meetings");
  await expect(page.locator("[data-keys-ready]")).toHaveCount(1);
  await expect(status(page)).toHaveText("Synced");
  await expect(status(page)).toHaveAttribute("data-pending", "0");
  await gradeShown(page, /^Good/);
  // A swipe to the right on the answer is Good, like the button.
  await page.getByTestId("card-front").tap();
  await page.getByTestId("card-answer").evaluate((el) => {
    const at = (type: string, x: number) => el.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerType: "touch", isPrimary: true, clientX: x, clientY: 300 }));
    at("pointerdown", 60);
    at("pointerup", 260);
  });
  await expect(page.getByTestId("card-front")).toBeVisible();
  await expect(status(page)).toHaveText("Synced");
  const second = (await serverRows(secondEmail)).logs;
  expect(second.map((l) => l.grade)).toEqual([3, 3]);
  expect((await serverRows(first)).logs).toHaveLength(0);
  expect(context.pages()).toHaveLength(1);

  // Usable at 320 px wide with text at 200 %: nothing wider than the screen, grade buttons of at least 44 px on screen.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = "200%";
  });
  await page.getByTestId("card-front").tap();
  for (const name of [/^Again/, /^Hard/, /^Good/, /^Easy/]) {
    const box = (await page.getByRole("button", { name }).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.y + box.height).toBeLessThanOrEqual(640);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: `${SHOTS}/phone-320px-200pct.png`, fullPage: true });
});
