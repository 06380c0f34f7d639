/**
 * A teacher runs a class without friction (issue #14, part A). Desktop: the
 * landing, the join code page and a signed-out join link. A 390 px phone,
 * the whole run: the teacher lands on /teach;
 * a join link opened signed out names the class and teacher, and the
 * header's "Sign up" keeps it through sign-up back to the join button; the
 * join code page copies the link and shows a QR code; an assignment opens
 * now by default, a past due date is refused until confirmed, the
 * assignment is edited and one student given an extension (their dashboard
 * shows it), and the quiz is previewed as that student sees it with nothing
 * recorded. Hostile names (80 characters, no spaces) never widen a teacher
 * page past the screen.
 */
import { devices, type Browser, type BrowserContextOptions, type Page, type TestInfo } from "@playwright/test";
import { expect, expectAccessible, SHOTS_DIR, test } from "./fixtures";

const SHOTS = `${SHOTS_DIR}/b14class`;
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

/** A hostile name: 80 characters without a space. */
const hostile = (prefix: string, stamp: string) => `${prefix}${stamp}${"W".repeat(80)}`.slice(0, 80);

/** "YYYY-MM-DDTHH:mm" in UTC, `minutes` from now. */
const utcLocal = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);

type Ctx = { teacher: Page; className: string; classUrl: string; link: string; stamp: string; shot: (p: Page, name: string) => Promise<unknown> };

/** The teacher signs in from the header (landing on /teach), makes a class with a hostile name and opens its join code page: copy link and QR. */
async function shareClass(browser: Browser, testInfo: TestInfo, size: BrowserContextOptions): Promise<Ctx & { close: () => Promise<void> }> {
  const stamp = Date.now().toString(36);
  const className = hostile("Class", stamp);
  const shot = (p: Page, name: string) => p.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${name}.png`, fullPage: true });
  const teacherCtx = await browser.newContext(size);
  await teacherCtx.grantPermissions(["clipboard-read", "clipboard-write"]);
  const teacher = await teacherCtx.newPage();
  await go(teacher, "/sign-in", testInfo);
  await teacher.getByLabel("E-mail").fill("teacher@factdeck.test");
  await teacher.getByLabel("Password").fill("factdeck-demo");
  await teacher.getByRole("button", { name: "Sign in" }).click();
  await expect(teacher).toHaveURL(/\/teach$/);

  await teacher.goto("/teach/classes/new");
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
  return { teacher, className, classUrl, link, stamp, shot, close: () => teacherCtx.close() };
}

/** A signed-out visitor opens the join link: the class and its teacher; the header's "Sign up" keeps the link. */
async function openJoinLinkSignedOut(student: Page, testInfo: TestInfo, className: string, link: string): Promise<string> {
  const joinPath = new URL(link).pathname;
  await go(student, joinPath, testInfo);
  await expect(student.getByTestId("join-class")).toContainText(className);
  await expect(student.getByTestId("join-class")).toContainText("taught by Demo Teacher");
  await student.getByRole("banner").getByRole("link", { name: "Sign up" }).click();
  await expect(student).toHaveURL(new RegExp(`/sign-up\\?returnTo=${encodeURIComponent(joinPath)}$`));
  await expect(student.getByTestId("joining-note")).toContainText(className);
  return joinPath;
}

test("desktop: the teacher lands on /teach, shares the join link by copy and QR; a signed-out visitor sees the class and keeps the link into sign-up @desktop-only", async ({ browser }, testInfo) => {
  const run = await shareClass(browser, testInfo, { viewport: { width: 1280, height: 900 } });
  const studentCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const student = await studentCtx.newPage();
  await openJoinLinkSignedOut(student, testInfo, run.className, run.link);
  // The header's "Sign in" from the sign-up page keeps it too.
  await student.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await expect(student).toHaveURL(/\/sign-in\?returnTo=%2Fjoin%2F[A-Z0-9]+$/);
  await expect(student.getByTestId("joining-note")).toContainText(run.className);
  await run.close();
  await studentCtx.close();
});

test("a 390 px phone: the teacher shares the class, a student joins through sign-up, the teacher sets, fixes, extends and previews a quiz; hostile names fit the screen @phone-only", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const size = { ...devices["Pixel 7"], viewport: { width: 390, height: 844 } };
  const { teacher, className, classUrl, link, stamp, shot, close } = await shareClass(browser, testInfo, size);
  const studentName = hostile("Student", stamp);
  const title = hostile("Quiz", stamp);

  // ── A student opens the link signed out, signs up from the header and comes back to join ──
  const studentCtx = await browser.newContext(size);
  const student = await studentCtx.newPage();
  const joinPath = await openJoinLinkSignedOut(student, testInfo, className, link);
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
  await teacher.evaluate(() => window.scrollTo(0, 0));
  await teacher.screenshot({ path: `${SHOTS}/${testInfo.project.name}-edit-top.png` });

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
  // (the join code, new assignment, edit and preview pages were checked above)
  for (const url of ["/teach", classUrl]) {
    await go(teacher, url, testInfo);
    await fitsScreen(teacher, url);
  }
  await shot(teacher, "class-hostile-names");

  await close();
  await studentCtx.close();
});
