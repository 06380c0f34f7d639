import { expect, screenshot, test } from "./fixtures";

test("a fact's source link opens the article with the cited sentence highlighted", async ({ page }, testInfo) => {
  await page.goto("/facts");
  const fact = page.locator("li#putin-pashinyan-call-2023-09-20");
  await expect(fact).toContainText("2023");
  await fact.getByRole("link", { name: /Quote in TASS/ }).click();
  await expect(page).toHaveURL(/\/sources\/tass-2023-09-20-putin-pashinyan-call#putin-pashinyan-call-2023-09-20$/);

  const target = page.locator('mark[data-facts~="putin-pashinyan-call-2023-09-20"]').first();
  await expect(target).toHaveClass(/is-target/);
  await expect(target).toBeInViewport();
  await expect(target).toContainText("spoke by phone");
  // Only the targeted fact's runs are emphasised.
  const others = page.locator("mark.is-target:not([data-facts~='putin-pashinyan-call-2023-09-20'])");
  await expect(others).toHaveCount(0);
  await screenshot(page, testInfo, "source-highlight");
});

test("the sources index lists all five articles and marks inferred dates", async ({ page }, testInfo) => {
  await page.goto("/sources");
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  const items = page.getByRole("main").getByRole("listitem");
  await expect(items).toHaveCount(5);
  await expect(page.getByText("(date inferred)").first()).toBeVisible();
  await screenshot(page, testInfo, "sources");
});

test("an unknown source is a 404, not an error", async ({ page }) => {
  const res = await page.goto("/sources/no-such-article");
  expect(res?.status()).toBe(404);
});
