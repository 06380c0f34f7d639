/**
 * The teacher side end to end, in two browser contexts: a teacher (desktop)
 * creates a class and a quiz assignment; a new student (phone) signs up,
 * joins by code and completes the quiz from the dashboard; the teacher sees
 * the result in the report and downloads the CSV.
 */
import fs from "node:fs";
import { devices, type Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, test } from "./fixtures";

const PASSWORD = "factdeck-demo";

async function go(page: Page, url: string, testInfo: Parameters<typeof expectAccessible>[1]) {
  await page.goto(url);
  await expectAccessible(page, testInfo);
}

// Drives its own desktop and phone contexts (and the teacher pages at phone
// width), so it runs once, in the desktop project.
test("a teacher sets a quiz, a student joins by code on a phone and takes it, the teacher reads the report and CSV @desktop-only", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);

  // ── Teacher, desktop ──
  const teacherCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const teacher = await teacherCtx.newPage();
  await go(teacher, "/sign-in?returnTo=%2Fteach", testInfo);
  await teacher.getByLabel("E-mail").fill("teacher@factdeck.test");
  await teacher.getByLabel("Password").fill(PASSWORD);
  await teacher.getByRole("button", { name: "Sign in" }).click();
  await expect(teacher).toHaveURL(/\/teach$/);
  await expect(teacher.getByRole("heading", { name: "Teach", level: 1 })).toBeVisible();
  await expect(teacher.getByRole("link", { name: "Demo class 7B" })).toBeVisible();
  await screenshot(teacher, testInfo, "teach-dashboard");

  await teacher.getByRole("link", { name: "New class" }).click();
  await expect(teacher.getByRole("heading", { name: "New class" })).toBeVisible();
  await expectAccessible(teacher, testInfo);
  // A term that ends before it starts is a field error; nothing is created.
  const className = `E2E 9C ${stamp}`;
  await teacher.getByLabel("Class name").fill(className);
  await teacher.getByLabel("Term starts (optional)").fill("2026-09-01");
  await teacher.getByLabel("Term ends (optional)").fill("2026-07-01");
  await teacher.getByLabel("Time zone").fill("Europe/London");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByText("The term can't end before it starts.")).toBeVisible();
  await screenshot(teacher, testInfo, "new-class-error");
  await teacher.getByLabel("Term ends (optional)").fill("2099-07-01");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(className);
  await expectAccessible(teacher, testInfo);
  const code = (await teacher.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
  await expect(teacher.getByTestId("join-link")).toContainText(`/join/${code.replace("-", "")}`);
  const classUrl = teacher.url();

  // The assignment: due before open is refused with a field error, then a valid quiz.
  await teacher.getByRole("link", { name: "New assignment" }).click();
  await expect(teacher.getByRole("heading", { name: "New assignment" })).toBeVisible();
  await expectAccessible(teacher, testInfo);
  await teacher.getByLabel("Deck", { exact: true }).selectOption("sept-2023");
  await teacher.getByLabel("Title (optional)").fill(`Quiz ${stamp}`);
  await teacher.getByLabel("Opens").fill("2026-01-05T09:00");
  await teacher.getByLabel("Due").fill("2026-01-04T09:00");
  await teacher.getByLabel("Questions", { exact: true }).fill("3");
  await teacher.getByLabel("Time limit (min)").fill("15");
  for (const type of ["Type the date", "Short answer", "Fill the gap", "According to whom"]) await teacher.getByLabel(type).uncheck();
  await teacher.getByLabel("One set for the whole class").check();
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByText("Due date must be after the open date")).toBeVisible();
  await expect(teacher.getByLabel("Due")).toBeFocused();
  await screenshot(teacher, testInfo, "new-assignment-error");
  await teacher.getByLabel("Due").fill("2099-01-04T09:00");
  // More questions than the deck holds of the ticked types: refused with the number it can hold.
  await teacher.getByLabel("Questions", { exact: true }).fill("50");
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByText(/^At most \d+ questions of these types in this deck\. Ask for \d+ or fewer, or tick more types\.$/)).toBeVisible();
  await teacher.getByLabel("Questions", { exact: true }).fill("3");
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(`Quiz ${stamp}`);
  const reportUrl = teacher.url();
  const assignmentId = reportUrl.split("/").pop()!;
  // Ids that cannot exist are 404s (pages and exports); an unknown CSV table is a 400.
  expect((await teacher.request.get("/teach/classes/not%20a%20class", { maxRedirects: 0 })).status()).toBe(404);
  expect((await teacher.request.get("/teach/assignments/%3Cscript%3E", { maxRedirects: 0 })).status()).toBe(404);
  expect((await teacher.request.get("/api/teach/assignments/a%2Fb/csv")).status()).toBe(404);
  const badTable = await teacher.request.get(`/api/teach/assignments/${assignmentId}/csv?table=secrets`);
  expect(badTable.status()).toBe(400);
  expect((await badTable.json()).fieldErrors).toEqual({ table: "Choose students, items or facts." });

  // ── Student, phone: open a shared /join?code= link signed out, sign up, come back with the code kept ──
  const studentCtx = await browser.newContext({ ...devices["Pixel 7"] });
  const student = await studentCtx.newPage();
  await go(student, `/join?code=${code}`, testInfo);
  await expect(student).toHaveURL(new RegExp(`/sign-in\\?returnTo=${encodeURIComponent(`/join?code=${code}`)}$`));
  await student.getByRole("link", { name: "Create an account" }).click();
  await student.getByLabel("Display name").fill(`=Zoë ${stamp}`);
  await student.getByLabel("E-mail").fill(`zoe.${stamp}@example.org`);
  await student.getByLabel("Password").fill("a long enough passphrase");
  await student.getByLabel(/^Student/).check();
  await student.getByRole("button", { name: "Create account" }).click();
  await expect(student).toHaveURL(new RegExp(`/join\\?code=${code}$`));
  await expect(student.getByLabel("Join code")).toHaveValue(code);
  await expectAccessible(student, testInfo);
  // A wrong code says so; the right one (typed in lower case, without the dash) joins.
  await student.getByLabel("Join code").fill("ABCD-EFG0");
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText(/Join codes never contain “0”/)).toBeVisible();
  await screenshot(student, testInfo, "join-error");
  await student.getByLabel("Join code").fill(code.replace("-", "").toLowerCase());
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student).toHaveURL(/\/dashboard\?joined=/);
  await expect(student.getByRole("status").filter({ hasText: `You are in ${className}` })).toBeVisible();
  await expectAccessible(student, testInfo);
  const card = student.getByTestId("assignments").getByRole("listitem").filter({ hasText: `Quiz ${stamp}` });
  await expect(card).toContainText("Not started");
  await screenshot(student, testInfo, "student-dashboard");

  // One tap to start; answer every question with its first option; finish.
  await card.getByRole("button", { name: new RegExp(`^Start: Quiz ${stamp}`) }).click();
  await expect(student).toHaveURL(/\/quiz\//);
  for (let i = 0; i < 3; i++) {
    const form = student.getByTestId("question-form");
    await expect(form).toBeVisible();
    await form.getByRole("radio").first().check();
    await form.getByRole("button", { name: /^Submit (the last )?answer$/ }).click();
    // Feedback after each answer (the form's default): read it, then go on.
    await expect(student.getByTestId("feedback")).toBeVisible();
    if (i < 2) await student.getByRole("button", { name: "Next question" }).click();
  }
  await screenshot(student, testInfo, "student-quiz-answered");
  await student.getByRole("button", { name: "Finish and see your score" }).first().click();
  await expect(student.getByText(/Finished/)).toBeVisible();
  await go(student, "/dashboard", testInfo);
  await expect(student.getByTestId("assignments").getByRole("listitem").filter({ hasText: `Quiz ${stamp}` })).toContainText("Done");
  await screenshot(student, testInfo, "student-dashboard-done");

  // ── Teacher: the report, then the CSV ──
  await go(teacher, reportUrl, testInfo);
  const row = teacher.getByTestId("student-report").getByRole("row").filter({ hasText: `=Zoë ${stamp}` });
  await expect(row).toContainText("Done");
  await expect(row).toContainText(/\d+ %/);
  const bestScore = Number(/(\d+) %/.exec((await row.textContent())!)![1]);
  await expect(teacher.getByTestId("item-report").getByRole("row")).toHaveCount(4);
  // The same analysis by fact (one fixed set: flags stay on the questions table).
  await expect(teacher.getByTestId("fact-item-report").getByRole("row")).not.toHaveCount(0);
  await expect(teacher.getByRole("heading", { name: "By fact" })).toBeVisible();
  await screenshot(teacher, testInfo, "assignment-report");
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name: "Download students CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFStudent,E-mail,Student id,Status,Late,Best score (0-1),")).toBe(true);
  // The name starts with "=": written as text, not a formula; e-mail and the stable id tell namesakes apart.
  expect(csv).toMatch(new RegExp(`\r\n'=Zoë ${stamp},zoe\\.${stamp}@example\\.org,[^,]+,done,false,`));

  await go(teacher, classUrl, testInfo);
  await expect(teacher.getByTestId("roster")).toContainText(`=Zoë ${stamp}`);
  await screenshot(teacher, testInfo, "class-page");
  await go(teacher, `${classUrl}/facts`, testInfo);
  // The quiz asked about 3 facts; the ones the student missed are to reteach.
  if (bestScore === 100) await expect(teacher.getByTestId("reteach-none")).toBeVisible();
  else await expect(teacher.getByTestId("reteach").getByRole("listitem")).not.toHaveCount(0);
  await screenshot(teacher, testInfo, "fact-report");

  // The teacher's pages at phone width too.
  await teacher.setViewportSize({ width: 412, height: 915 });
  for (const [url, name] of [
    [classUrl, "class-page-phone"],
    [reportUrl, "assignment-report-phone"],
    [`${classUrl}/facts`, "fact-report-phone"],
    ["/teach", "teach-dashboard-phone"],
  ] as const) {
    await go(teacher, url, testInfo);
    await screenshot(teacher, testInfo, name);
  }

  // Rotating the code stops the old one.
  await go(teacher, classUrl, testInfo);
  teacher.once("dialog", (d) => void d.accept());
  await teacher.getByRole("button", { name: "Make a new code" }).click();
  await expect(teacher.getByText("New join code made.")).toBeVisible();
  await expect(teacher.getByTestId("join-code")).not.toHaveText(code);
  await go(student, `/join/${code.replace("-", "")}`, testInfo);
  await expect(student.getByRole("alert").filter({ hasText: "No class uses this code" })).toBeVisible();
  await screenshot(student, testInfo, "join-link-rotated");

  await teacherCtx.close();
  await studentCtx.close();
});
