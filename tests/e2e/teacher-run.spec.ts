/**
 * A teacher runs a class without friction (issue #14, part A), at the size
 * of the project (desktop, or a 390 px phone): the teacher lands on /teach;
 * a join link opened signed out names the class and teacher, and the
 * header's "Sign up" keeps it through sign-up back to the join button; the
 * join code page copies the link and shows a QR code; an assignment opens
 * now by default, a past due date is refused until confirmed, the
 * assignment is edited and one student given an extension (their dashboard
 * shows it), and the quiz is previewed as that student sees it with nothing
 * recorded. Hostile names (80 characters, no spaces) never widen a teacher
 * page past the screen.
 */
import { devices, type Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

const SHOTS = "/work/wt/_shots/b14class";
const PASSWORD = "a long enough passphrase";

async function go(page: Page, url: string, testInfo: Parameters<typeof expectAccessible>[1]) {
  await page.goto(url);
  await expectAccessible(page, testInfo);
}

/** The page is no wider than the screen (nothing scrolls sideways). */
async function fitsScreen(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${where}: ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
}

/** "YYYY-MM-DDTHH:mm" in UTC, `minutes` from now. */
const utcLocal = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);

test("a teacher shares the class by link and QR, sets, fixes, extends and previews a quiz; hostile names fit the screen", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const phone = testInfo.project.name === "phone";
  const size = phone ? { ...devices["Pixel 7"], viewport: { width: 390, height: 844 } } : { viewport: { width: 1280, height: 900 } };
  const stamp = Date.now().toString(36);
  const hostile = (prefix: string) => `${prefix}${stamp}${"W".repeat(80)}`.slice(0, 80);
  const className = hostile("Class");
  const studentName = hostile("Student");
  const title = hostile("Quiz");
  const shot = (p: Page, name: string) => p.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${name}.png`, fullPage: true });

  // ── The teacher signs in from the header and lands on the teaching dashboard ──
  const teacherCtx = await browser.newContext(size);
  await teacherCtx.grantPermissions(["clipboard-read", "clipboard-write"]);
  const teacher = await teacherCtx.newPage();
  await go(teacher, "/sign-in", testInfo);
  await teacher.getByLabel("E-mail").fill("teacher@factdeck.test");
  await teacher.getByLabel("Password").fill("factdeck-demo");
  await teacher.getByRole("button", { name: "Sign in" }).click();
  await expect(teacher).toHaveURL(/\/teach$/);

  // A class with a hostile name; the join code page: copy link and QR.
  await go(teacher, "/teach/classes/new", testInfo);
  await teacher.getByLabel("Class name").fill(className);
  await teacher.getByLabel("Time zone").fill("UTC");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(className);
  const classUrl = new URL(teacher.url()).pathname;
  const link = (await teacher.getByTestId("join-link").textContent())!.trim();
  await teacher.getByRole("link", { name: "Show on a projector (QR code)" }).click();
  await expect(teacher.getByTestId("join-qr")).toBeVisible();
  await expectAccessible(teacher, testInfo);
  await teacher.getByRole("button", { name: "Copy link" }).click();
  await expect(teacher.getByText("Link copied.")).toBeVisible();
  expect(await teacher.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await fitsScreen(teacher, "join code page");
  await shot(teacher, "qr-join-page");

  // ── A student opens the link signed out: the class and teacher, then the header's Sign up keeps the link ──
  const studentCtx = await browser.newContext(size);
  const student = await studentCtx.newPage();
  const joinPath = new URL(link).pathname;
  await go(student, joinPath, testInfo);
  await expect(student.getByTestId("join-class")).toContainText(className);
  await expect(student.getByTestId("join-class")).toContainText("taught by Demo Teacher");
  await student.getByRole("banner").getByRole("link", { name: "Sign up" }).click();
  await expect(student).toHaveURL(new RegExp(`/sign-up\\?returnTo=${encodeURIComponent(joinPath)}$`));
  await expect(student.getByTestId("joining-note")).toContainText(className);
  await student.getByLabel("Display name").fill(studentName);
  await student.getByLabel("E-mail").fill(`run.${testInfo.project.name}.${stamp}@example.org`);
  await student.getByLabel("Password").fill(PASSWORD);
  await student.getByRole("button", { name: "Create account" }).click();
  await expect(student).toHaveURL(new RegExp(`${joinPath}$`));
  await student.getByRole("button", { name: `Join ${className}` }).click();
  await expect(student).toHaveURL(/\/dashboard\?joined=/);

  // ── A quiz: opens now by default; a past due date is refused until confirmed ──
  await go(teacher, `${classUrl}/assignments/new`, testInfo);
  const opens = await teacher.getByLabel("Opens", { exact: true }).inputValue();
  expect(Math.abs(Date.parse(`${opens}Z`) - Date.now()), `opens ${opens}`).toBeLessThan(3 * 60_000);
  await teacher.getByLabel("Deck", { exact: true }).selectOption("sept-2023");
  await teacher.getByLabel("Title (optional)").fill(title);
  await teacher.getByLabel("Opens", { exact: true }).fill(utcLocal(-180)); // back-filling a quiz held this morning
  await teacher.getByLabel("Due", { exact: true }).fill(utcLocal(-60));
  await teacher.getByLabel("Questions", { exact: true }).fill("2");
  for (const box of await teacher.getByRole("checkbox", { name: /Multiple choice|Type the date|Short answer|Fill the gap|According to whom/ }).all()) await box.uncheck();
  await teacher.getByRole("checkbox", { name: "True or false" }).check();
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByText(/This due date has already passed/)).toBeVisible();
  await fitsScreen(teacher, "new assignment (refused)");
  await teacher.getByRole("checkbox", { name: "Yes, save it with a due date in the past" }).check();
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher).toHaveURL(/\/teach\/assignments\/[A-Za-z0-9-]+$/);
  const assignmentPath = new URL(teacher.url()).pathname;

  // ── Edit: a later due date; then an extension for the student ──
  await go(teacher, `${assignmentPath}/edit`, testInfo);
  await teacher.getByLabel("Due", { exact: true }).fill(utcLocal(24 * 60));
  await teacher.getByRole("button", { name: "Save changes" }).click();
  await expect(teacher.getByText("Changes saved.")).toBeVisible();
  await teacher.getByLabel("Their due date").fill(utcLocal(3 * 24 * 60));
  await teacher.getByRole("button", { name: "Give extension" }).click();
  await expect(teacher.getByText("Extension saved.")).toBeVisible();
  await expect(teacher.getByTestId("extensions")).toContainText(studentName);
  await fitsScreen(teacher, "edit assignment");
  await shot(teacher, "edit-hostile-names");

  // ── Preview as that student: the student's question form and feedback; nothing recorded ──
  await go(teacher, `${assignmentPath}/preview`, testInfo);
  await teacher.getByLabel("See it as").selectOption({ label: studentName });
  await teacher.getByRole("button", { name: "Show" }).click();
  await expect(teacher.getByTestId("preview-note")).toContainText(studentName);
  await expectAccessible(teacher, testInfo);
  for (let i = 0; i < 2; i++) {
    await teacher.getByTestId("question-form").getByRole("radio").first().check();
    await teacher.getByRole("button", { name: /Submit (the last )?answer/ }).click();
    await expect(teacher.getByTestId("feedback")).toBeVisible();
    await teacher.getByRole("button", { name: /Next question|See the end of the preview/ }).click();
  }
  await expect(teacher.getByTestId("preview-done")).toContainText("Nothing was recorded.");
  await fitsScreen(teacher, "preview");

  // The student: the quiz is not started (the preview made no attempt).
  await go(student, "/dashboard", testInfo);
  const card = student.getByTestId("assignments").getByRole("listitem").filter({ hasText: title });
  await expect(card).toContainText("0 of 1 attempt used");
  await expect(card.getByRole("button", { name: /^Start/ })).toBeVisible();

  // ── Every teacher page of this flow fits the screen with the hostile names ──
  for (const url of ["/teach", classUrl, `${classUrl}/join`, `${classUrl}/assignments/new`, `${assignmentPath}/edit`, `${assignmentPath}/preview`]) {
    await go(teacher, url, testInfo);
    await fitsScreen(teacher, url);
  }
  await go(teacher, classUrl, testInfo);
  await shot(teacher, "class-hostile-names");

  await teacherCtx.close();
  await studentCtx.close();
});
