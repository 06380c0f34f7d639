/**
 * Teacher reports and item problems end to end, at the project's size
 * (desktop and phone): a student answers one question of a fixed-set quiz,
 * reports a problem with it and stops there; the teacher opens the attempt
 * (the answer, right/wrong, the time; the rest unanswered), reads the
 * choices picked, finds the report, hides the item from the class — and the
 * student's next attempt of the same fixed set no longer holds it.
 */
import fs from "node:fs";
import { devices, type Browser, type TestInfo } from "@playwright/test";
import { expect, expectAccessible, SHOTS_DIR, test } from "./fixtures";
import { signUpStudent } from "./session";

const SHOTS = `${SHOTS_DIR}/b14reports`;

async function shot(page: import("@playwright/test").Page, testInfo: TestInfo, name: string) {
  if (!fs.existsSync(SHOTS)) fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${name}.png`, fullPage: true });
}

async function teacherPage(browser: Browser, testInfo: TestInfo) {
  const ctx = await browser.newContext(testInfo.project.name === "phone" ? { ...devices["Pixel 7"] } : { viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto("/sign-in?returnTo=%2Fteach");
  await page.getByLabel("E-mail").fill("teacher@factdeck.test");
  await page.getByLabel("Password").fill("factdeck-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teach$/);
  return page;
}

test("a student reports an item; the teacher opens the attempt, reads the choices picked and hides the item from the class's next quiz", async ({ page: student, browser }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const teacher = await teacherPage(browser, testInfo);

  // ── Teacher: a class and a fixed-set quiz of choice questions, open now, two attempts ──
  await teacher.goto("/teach/classes/new");
  await teacher.getByLabel("Class name").fill(`Reports ${stamp}`);
  await teacher.getByLabel("Time zone").fill("UTC");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(`Reports ${stamp}`);
  const classUrl = teacher.url();
  const code = (await teacher.getByTestId("join-code").textContent())!.trim();
  await teacher.goto(`${classUrl}/assignments/new`);
  await teacher.getByLabel("Deck", { exact: true }).selectOption("sept-2023");
  await teacher.getByLabel("Title (optional)").fill(`Items ${stamp}`);
  await teacher.getByLabel("Opens").fill("2026-01-05T09:00");
  await teacher.getByLabel("Due").fill("2099-01-04T09:00");
  await teacher.getByLabel("Questions", { exact: true }).fill("3");
  await teacher.getByLabel("Attempts allowed").fill("2");
  for (const box of await teacher.locator('input[name="types"]').all()) await box.uncheck();
  await teacher.locator('input[name="types"][value="multiple-choice"]').check();
  await teacher.locator('input[name="types"][value="true-false"]').check();
  await teacher.getByLabel("One set for the whole class").check();
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(`Items ${stamp}`);
  const reportUrl = teacher.url();

  // ── Student: join, answer the first question, report it, stop there ──
  await signUpStudent(student, testInfo, `rep${Date.now().toString(36)}`);
  await student.goto(`/join?code=${code}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student).toHaveURL(/\/dashboard\?joined=/);
  await student.getByRole("button", { name: new RegExp(`^Start: Items ${stamp}`) }).click();
  await expect(student).toHaveURL(/\/quiz\//);
  const form = student.getByTestId("question-form");
  await form.getByRole("radio").first().check();
  await form.getByRole("button", { name: /^Submit (the last )?answer$/ }).click();
  const feedback = student.getByTestId("feedback");
  await expect(feedback).toBeVisible();
  const prompt = (await feedback.locator("p.text-stone-800").first().textContent())!.trim();
  const report = feedback.getByTestId("report-item");
  await report.getByRole("button", { name: "Report a problem" }).click();
  // A send without a reason is refused in words; then a reason and a note.
  await report.getByRole("button", { name: "Send the report" }).click();
  await expect(report.getByTestId("report-status")).toHaveText("Choose a reason first.");
  await report.getByLabel("More than one answer is right").check();
  await report.getByLabel("Note (optional)").fill(`note ${stamp}`);
  await report.getByRole("button", { name: "Send the report" }).click();
  await expect(report.getByTestId("report-status")).toContainText("Thank you");
  await expectAccessible(student, testInfo);
  await student.getByRole("button", { name: "Next question" }).click();
  await student.getByText("Stop here and finish the quiz").click();
  await student.getByRole("button", { name: "Finish now" }).click();
  await expect(student.getByText(/Finished/)).toBeVisible();

  // ── Teacher: the assignment page — mean/median, choices picked, report mark; then the attempt ──
  await teacher.goto(reportUrl);
  await expect(teacher.getByTestId("score-summary")).toContainText(/Class mean \d+ % · median \d+ %/);
  const options = teacher.getByTestId("option-question").filter({ hasText: prompt });
  await expect(options).toBeVisible();
  await expect(options).toContainText("(right answer)");
  await expect(options).toContainText("1 answered");
  await expect(teacher.getByTestId("item-report").getByRole("row").filter({ hasText: prompt })).toContainText("reported 1×");
  await expect(teacher.getByTestId("not-enough").first()).toContainText("not enough answers yet (");
  await teacher.getByTestId("option-counts").scrollIntoViewIfNeeded();
  await shot(teacher, testInfo, "distractor-table");
  await teacher.getByRole("link", { name: /^Open Student rep.*'s attempt 1$/ }).click();
  await expect(teacher).toHaveURL(/\/teach\/attempts\//);
  await expectAccessible(teacher, testInfo);
  const answers = teacher.getByTestId("attempt-answer");
  await expect(answers).toHaveCount(3);
  await expect(answers.first()).toContainText(prompt);
  await expect(answers.first().getByTestId("verdict")).toHaveText(/Correct|Not right/);
  await expect(answers.first().getByTestId("answer-time")).toContainText(/took/);
  await expect(answers.nth(1).getByTestId("verdict")).toContainText("Not answered");
  await shot(teacher, testInfo, "attempt-view");
  // Another teacher's view of it is a 404 like any unknown attempt.
  expect((await teacher.request.get("/teach/attempts/no-such-attempt", { maxRedirects: 0 })).status()).toBe(404);

  // ── Teacher: the class's problem reports; hide the item ──
  await teacher.goto(`${classUrl}/item-reports`);
  const fact = teacher.getByTestId("item-report-fact").filter({ hasText: prompt });
  await expect(fact).toContainText(`note ${stamp}`);
  await expect(fact).toContainText("More than one answer is right: 1");
  await fact.getByRole("button", { name: /^Hide from this class/ }).click();
  await expect(fact.getByTestId("hidden-badge")).toBeVisible();
  await expect(fact.getByRole("button", { name: /^Show again/ })).toBeVisible();
  await shot(teacher, testInfo, "item-reports");

  // ── Student: the second attempt of the same fixed set no longer holds the item ──
  await student.goto("/dashboard");
  await student.getByRole("button", { name: new RegExp(`^Try again: Items ${stamp}`) }).click();
  await expect(student).toHaveURL(/\/quiz\//);
  await expect(student.getByTestId("question-form")).toBeVisible();
  await teacher.goto(reportUrl);
  await teacher.getByRole("link", { name: /^Open Student rep.*'s attempt 2/ }).click();
  await expect(teacher.getByTestId("attempt-answer").first()).toBeVisible();
  await expect(teacher.getByTestId("attempt-answers")).not.toContainText(prompt);
  await teacher.context().close();
});
