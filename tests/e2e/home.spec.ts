import { expect, screenshot, test } from "./fixtures";

test("the home page shows the corpus read from the database", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Factdeck" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  // Five articles are seeded; the counts come from the database, not the page.
  await expect(page.getByTestId("count-sources")).toHaveText("5");
  expect(Number(await page.getByTestId("count-facts").textContent())).toBeGreaterThan(20);
  // An inline icon, so the browser does not ask for a /favicon.ico that does not exist.
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /^data:image\/svg\+xml,/);
  await screenshot(page, testInfo, "home");
});

test("the health route answers with the database kind", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true, db: "sqlite" });
});
