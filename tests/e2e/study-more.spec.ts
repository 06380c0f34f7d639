/**
 * Issue 13 (part B) at phone size: the dashboard shows each deck's new /
 * learning / due counts; a review assignment due tomorrow raises today's new
 * cards just enough; "Done for now" says what is left of it and when it is
 * due; "more new cards today" brings more in.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { expect, screenshot, SHOTS_DIR, test } from "./fixtures";
import { signUpStudent } from "./session";

const SHOTS = `${SHOTS_DIR}/b13study`;

test("dashboard counts, an assignment's share, done-for-now and study more @phone-only", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const email = await signUpStudent(page, testInfo, "studymore");
  // A class with this student and a review assignment on "Calls and meetings" (29 cards, 13 facts) due at the end of tomorrow.
  // Written straight into the app's SQLite file (WAL: the server reads it at once), as Prisma stores dates.
  const db = new Database(path.resolve(E2E_DATABASE_URL.replace(/^file:/, "")), { fileMustExist: true, timeout: 10_000 });
  const at = (d: Date) => d.toISOString().replace("Z", "+00:00");
  const deckId = "calls-meetings";
  const now = new Date();
  const dueAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 23, 0));
  const classId = randomUUID();
  const teacherId = randomUUID();
  let total = 0;
  try {
    const student = db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(email) as { id: string };
    db.transaction(() => {
      db.prepare(`INSERT INTO "User" (id, name, email, emailVerified, role, createdAt, updatedAt) VALUES (?, 'E2E Teacher', ?, 0, 'teacher', ?, ?)`).run(teacherId, `t-${teacherId}@example.org`, at(now), at(now));
      db.prepare(`INSERT INTO "Classroom" (id, teacherId, name, timeZone, joinCode, createdAt, updatedAt) VALUES (?, ?, 'E2E 9C', 'UTC', ?, ?, ?)`).run(classId, teacherId, classId.slice(0, 8), at(now), at(now));
      db.prepare(`INSERT INTO "ClassMember" (classId, userId, joinedAt, timeMultiplier) VALUES (?, ?, ?, '1')`).run(classId, student.id, at(now));
      db.prepare(`INSERT INTO "Assignment" (id, classId, deckId, kind, title, openAt, dueAt, settingsJson, seed, createdAt, updatedAt) VALUES (?, ?, ?, 'review', 'Read up on the calls', ?, ?, '{}', 'e2e', ?, ?)`).run(
        randomUUID(), classId, deckId, at(new Date(now.getTime() - 3_600_000)), at(dueAt), at(now), at(now));
    })();
    total = (db.prepare(`SELECT COUNT(*) AS n FROM "DeckCard" d JOIN "Card" c ON c.id = d.cardId WHERE d.deckId = ? AND c.retired = 0`).get(deckId) as { n: number }).n;
  } finally {
    db.close();
  }

  await page.goto("/dashboard");
  const deckCounts = page.getByTestId(`due-${deckId}`);
  await expect(deckCounts).toContainText(/\d+ new/);
  const share = Number((await deckCounts.textContent())!.match(/(\d+) new/)![1]);
  // Today's share of the assignment: ceil(29 ÷ days left), more than the deck's 13 facts would allow in one day.
  expect(share).toBeGreaterThan(13);
  expect(share).toBeLessThanOrEqual(20);
  await expect(page.getByTestId("due-everything")).toContainText("20 new");
  await expect(page.getByTestId("due-total")).toContainText("0 learning");
  await page.screenshot({ path: `${SHOTS}/dashboard-phone.png`, fullPage: true });

  await page.goto(`/review/${deckId}`);
  for (let i = 0; i < share; i++) {
    await page.getByTestId("card-front").tap();
    await page.getByRole("button", { name: /^Easy/ }).tap();
    await expect(page.getByText(`${share - i - 1} new`, { exact: true })).toBeVisible();
  }
  const extra = page.getByTestId("done-for-now-extra");
  await expect(page.getByTestId("session-summary")).toBeVisible();
  const left = total - share;
  await expect(extra.getByTestId("done-assignments")).toContainText(`${left} cards of ${total} left: today's share is done; the rest tomorrow.`);
  await expect(extra.getByTestId("done-assignments")).toContainText(/Due \w{3},? \d{1,2} \w{3} \d{4}, 23:00/);
  await page.screenshot({ path: `${SHOTS}/done-for-now-phone.png`, fullPage: true });
  await screenshot(page, testInfo, "done-for-now");

  // Study more: today's limit (20) for this deck raised by 3, siblings included; the session goes on.
  await extra.getByLabel("More new cards today").fill("3");
  await extra.getByRole("button", { name: "Add new cards" }).tap();
  await expect(page.getByText(`${Math.min(left, 20 + 3 - share)} new`, { exact: true })).toBeVisible();
  await expect(page.getByTestId("card-front")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/study-more-phone.png`, fullPage: true });
  // Out of range is a field message, not a failure.
  await page.goto(`/decks/${deckId}`);
  await page.getByText("Study more today").tap();
  await page.getByLabel("Review ahead (days)").fill("99");
  await page.getByRole("button", { name: "Review ahead" }).tap();
  await expect(page.getByText("Enter how many days ahead from 1 to 30.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/deck-page-phone.png`, fullPage: true });
});
