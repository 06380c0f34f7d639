/**
 * Issue 13 (part B) at phone size: the dashboard shows each deck's new /
 * learning / due counts; a review assignment due tomorrow raises today's new
 * cards just enough; "Done for now" says what is left of it and when it is
 * due; "more new cards today" brings more in.
 */
import { randomUUID } from "node:crypto";
import { createDb } from "../../lib/db";
import { resolveDatabaseUrl } from "../../lib/db-url";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { expect, screenshot, test } from "./fixtures";
import { signUpStudent } from "./session";

const SHOTS = "/work/wt/_shots/b13study";

test("dashboard counts, an assignment's share, done-for-now and study more @phone-only", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const email = await signUpStudent(page, testInfo, "studymore");
  // A class with this student and a review assignment on "Calls and meetings" (29 cards, 13 facts) due at the end of tomorrow.
  const db = createDb(resolveDatabaseUrl(E2E_DATABASE_URL));
  const deckId = "calls-meetings";
  const student = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const teacher = await db.user.create({ data: { id: randomUUID(), name: "E2E Teacher", email: `t-${randomUUID()}@example.org`, role: "teacher" }, select: { id: true } });
  const classId = randomUUID();
  await db.classroom.create({ data: { id: classId, teacherId: teacher.id, name: "E2E 9C", joinCode: randomUUID().slice(0, 9), timeZone: "UTC" } });
  await db.classMember.create({ data: { classId, userId: student.id } });
  const total = await db.deckCard.count({ where: { deckId, card: { retired: false } } });
  const now = new Date();
  const dueAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 23, 0));
  await db.assignment.create({ data: { id: randomUUID(), classId, deckId, kind: "review", title: "Read up on the calls", openAt: new Date(now.getTime() - 3_600_000), dueAt, seed: "e2e" } });
  await db.$disconnect();

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
  await expect(extra.getByTestId("done-assignments")).toContainText(`${left} cards of ${total} left: today's share is done`);
  await expect(extra.getByTestId("done-assignments")).toContainText(/Due \w{3} \d{1,2} \w{3} \d{4}, 23:00/);
  await page.screenshot({ path: `${SHOTS}/done-for-now-phone.png`, fullPage: true });
  await screenshot(page, testInfo, "done-for-now");

  // Study more: 3 more new cards today, then the session goes on.
  await extra.getByLabel("More new cards today").fill("3");
  await extra.getByRole("button", { name: "Add new cards" }).tap();
  await expect(page.getByText("3 new", { exact: true })).toBeVisible();
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
