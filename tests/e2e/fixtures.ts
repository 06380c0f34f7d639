/**
 * The e2e `test`: every navigation (`page.goto`) is followed by an axe scan,
 * and the test fails on any serious or critical violation. Screenshots go to
 * test-results/screens/<project>/ so people can look at them.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";

export async function expectAccessible(page: Page, testInfo?: TestInfo) {
  // After a client-side navigation the new page's <title> is streamed in with its metadata: scan the finished page.
  await page.waitForFunction(() => document.title.trim().length > 0);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length && testInfo) await testInfo.attach("axe-violations", { body: JSON.stringify(bad, null, 2), contentType: "application/json" });
  expect(
    bad.map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
}

export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: `test-results/screens/${testInfo.project.name}/${name}.png`, fullPage: true });
}

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use, testInfo) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await expectAccessible(page, testInfo);
      return response;
    };
    await use(page);
  },
});

export { expect };

/** Where specs save the screenshots a person looks at (`E2E_SHOTS_DIR`, else under test-results/, which is not committed). */
export const SHOTS_DIR = process.env.E2E_SHOTS_DIR ?? "test-results/shots";
