import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";
import { signUpStudent } from "./session";

async function openDeck(page: Page) {
  // "Everything" has more facts than the 20 new cards a day, so all 20 can be introduced today (one per fact).
  await page.goto("/decks/everything");
  await expect(page.getByTestId("deck-counts")).toContainText("20");
  await page.getByRole("link", { name: "Study now" }).click();
  await expect(page.getByTestId("card-front")).toBeVisible();
  // The card is server-rendered: keys work once the session has hydrated.
  await expect(page.locator("[data-keys-ready]")).toHaveCount(1);
}

test("a review session by touch: tap the card to reveal, grade with the bottom buttons, undo, finish @phone-only", async ({ page }, testInfo) => {
  await signUpStudent(page, testInfo, "touch");
  await openDeck(page);
  await screenshot(page, testInfo, "review-front");

  await page.getByTestId("card-front").tap();
  await expect(page.getByTestId("card-back")).toBeVisible();
  const good = page.getByRole("button", { name: /^Good/ });
  const box = (await good.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThan(viewport.height * 0.75); // within thumb reach at the bottom
  expect(box.height).toBeGreaterThanOrEqual(44); // a real tap target
  await expect(good).toContainText("<10m");
  await screenshot(page, testInfo, "review-back");

  const firstFront = await page.getByTestId("card-back").textContent();
  await page.getByRole("button", { name: /^Again/ }).tap();
  await expect(page.getByText("19 new")).toBeVisible();
  await page.getByRole("button", { name: /^Undo/ }).tap();
  await expect(page.getByRole("status")).toHaveText("Last grade undone.");
  await expect(page.getByText("20 new")).toBeVisible();
  await page.getByTestId("card-front").tap();
  expect(await page.getByTestId("card-back").textContent()).toBe(firstFront);

  for (let i = 0; i < 80; i++) {
    if (await page.getByTestId("session-summary").isVisible()) break;
    if (await page.getByTestId("card-front").isVisible()) await page.getByTestId("card-front").tap();
    // The device's queue can end while a sync lands (the last card graded elsewhere): then the summary shows instead.
    const button = page.getByRole("button", { name: i < 3 ? /^Again/ : /^Easy/ });
    await expect(button.or(page.getByTestId("session-summary"))).toBeVisible();
    if (await page.getByTestId("session-summary").isVisible()) break;
    await button.tap();
    await expect(page.getByTestId("card-front").or(page.getByTestId("session-summary"))).toBeVisible();
  }
  const summary = page.getByTestId("session-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Cards reviewed");
  expect(Number(await summary.locator("dd").first().textContent())).toBeGreaterThanOrEqual(20);
  await screenshot(page, testInfo, "review-done");
});

test("a review session by keyboard: Space reveals, 1–4 grade, Enter = Good, u undoes @desktop-only", async ({ page }, testInfo) => {
  await signUpStudent(page, testInfo, "keys");
  await openDeck(page);

  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-back")).toBeVisible();
  const first = await page.getByTestId("card-back").textContent();
  await page.keyboard.press("3");
  await expect(page.getByText("19 new")).toBeVisible();
  await page.keyboard.press("u");
  await expect(page.getByText("20 new")).toBeVisible();
  await page.keyboard.press("Enter"); // reveal the same card again
  await expect(page.getByTestId("card-back")).toHaveText(first!);
  await page.keyboard.press("Enter"); // Good
  await expect(page.getByText("19 new")).toBeVisible();
  await screenshot(page, testInfo, "review-keyboard");

  // Enter on a focused button presses that button: Again, not Good.
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-answer")).toBeFocused();
  await page.getByRole("button", { name: /^Again/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("18 new")).toBeVisible();

  let graded = 2; // Good, then Again (the undone grade is not counted)
  for (let i = 0; i < 80; i++) {
    if (await page.getByTestId("session-summary").isVisible()) break;
    await page.keyboard.press("Space");
    // The device's queue can end while a sync lands (the last card graded elsewhere): then the summary shows instead.
    await expect(page.getByTestId("card-back").or(page.getByTestId("session-summary"))).toBeVisible();
    if (await page.getByTestId("session-summary").isVisible()) break;
    await page.keyboard.press("4");
    // A second key before the next card shows is not a second review.
    if (i % 2 === 0) await page.keyboard.press("4");
    graded++;
    await expect(page.getByTestId("card-front").or(page.getByTestId("session-summary"))).toBeVisible();
  }
  const summary = page.getByTestId("session-summary");
  await expect(summary).toBeVisible();
  await expect(summary.locator("dd").first()).toHaveText(String(graded));
  // One grade in the session was Again (the one made from the focused button).
  await expect(summary.locator("dd").nth(1)).toHaveText("1");
  await screenshot(page, testInfo, "review-done");
});

test("the card's source link opens the highlighted sentence without ending the session", async ({ page, context }, testInfo) => {
  await signUpStudent(page, testInfo, "source");
  await openDeck(page);
  await page.getByRole("button", { name: "Show answer" }).click();
  const [source] = await Promise.all([context.waitForEvent("page"), page.getByRole("link", { name: /Read it in/ }).click()]);
  await source.waitForLoadState();
  await expect(source).toHaveURL(/\/sources\/.+#.+/);
  await expect(source.locator("mark.is-target").first()).toBeVisible();
  await source.close();
  await expect(page.getByTestId("card-back")).toBeVisible(); // still on the same card, answer shown
});

test("the grade endpoint refuses bad, stale, cross-site and anonymous requests and changes nothing @desktop-only", async ({ page, playwright, baseURL }, testInfo) => {
  await signUpStudent(page, testInfo, "api");
  const next = await page.request.get("/api/review/calls-meetings/next");
  expect(next.status()).toBe(200);
  const { card, counts } = (await next.json()) as { card: { cardId: string; version: number }; counts: { new: number } };
  const body = { reviewId: crypto.randomUUID(), deckId: "calls-meetings", cardId: card.cardId, grade: 3, expectedVersion: card.version, durationMs: 1000 };
  const post = (data: unknown, headers: Record<string, string> = {}) => page.request.post("/api/review/grade", { data, headers, failOnStatusCode: false });

  const outOfRange = await post({ ...body, grade: 5 });
  expect(outOfRange.status()).toBe(400);
  expect(((await outOfRange.json()) as { fieldErrors: Record<string, string> }).fieldErrors.grade).toBeTruthy();
  expect((await post({ ...body, cardId: "no-such-card" })).status()).toBe(404);
  expect((await post({ ...body, deckId: "no-such-deck" })).status()).toBe(404);
  expect((await post({ ...body, expectedVersion: 7 })).status()).toBe(409);
  expect((await post(body, { origin: "https://evil.example" })).status()).toBe(403);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.post("/api/review/grade", { data: body, failOnStatusCode: false })).status()).toBe(401);
  await anonymous.dispose();

  // None of that changed the queue; the real grade then counts once, replayed or not.
  expect(((await (await page.request.get("/api/review/calls-meetings/next")).json()) as { counts: { new: number } }).counts.new).toBe(counts.new);
  expect((await post(body)).status()).toBe(200);
  const replay = await post(body);
  expect(replay.status()).toBe(200);
  expect(((await replay.json()) as { outcome: { replayed: boolean } }).outcome.replayed).toBe(true);
  const newCount = async () => ((await (await page.request.get("/api/review/calls-meetings/next")).json()) as { counts: { new: number } }).counts.new;
  expect(await newCount()).toBe(counts.new - 1);

  // An undo refused for its deck undoes nothing; after a real undo, the grade's id replayed is a Conflict, not applied again.
  const undo = (deckId: string) => page.request.post("/api/review/undo", { data: { reviewId: body.reviewId, deckId }, failOnStatusCode: false });
  expect((await undo("no-such-deck")).status()).toBe(404);
  expect(await newCount()).toBe(counts.new - 1);
  expect((await undo("calls-meetings")).status()).toBe(200);
  expect(await newCount()).toBe(counts.new);
  const replayUndone = await post(body);
  expect(replayUndone.status()).toBe(409);
  expect(((await replayUndone.json()) as { error: string }).error).toMatch(/undone/);
  expect(await newCount()).toBe(counts.new);
});
