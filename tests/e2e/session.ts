import type { Page, TestInfo } from "@playwright/test";

/** Signs up a fresh student through the real form; returns the e-mail. */
export async function signUpStudent(page: Page, testInfo: TestInfo, label: string): Promise<string> {
  const email = `${label}.${testInfo.project.name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(`Student ${label}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard$/);
  return email;
}
