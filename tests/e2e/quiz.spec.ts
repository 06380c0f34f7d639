import { request as playwrightRequest, type Locator, type Page, type TestInfo } from "@playwright/test";
import { expect, expectAccessible, screenshot, test } from "./fixtures";

const PASSWORD = "factdeck-demo";

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard$/);
}

/** Starts a quiz from the deck page; returns the attempt's URL path. */
async function startQuiz(page: Page, deckId: string, count: number, testInfo?: TestInfo) {
  await page.goto(`/decks/${deckId}`);
  await expect(page.getByRole("heading", { name: "Quiz", level: 2 })).toBeVisible();
  if (testInfo) await screenshot(page, testInfo, "deck-page");
  const form = page.getByTestId("start-quiz-form");
  await form.getByLabel("Number of questions").fill(String(count));
  await expect(form.getByRole("checkbox", { name: "Put events in order" })).toBeChecked();
  await expect(form.getByRole("radio", { name: "After each question" })).toBeChecked();
  await form.getByRole("button", { name: "Start the quiz" }).click();
  await page.waitForURL(/\/quiz\/[A-Za-z0-9-]+$/);
  return new URL(page.url()).pathname;
}

/**
 * Answers the question on screen with the input its type calls for; the
 * browser does not know the answers, so some answers are wrong on purpose.
 */
async function answerShownQuestion(page: Page, n: number) {
  const form = page.getByTestId("question-form");
  const type = await form.getAttribute("data-question-type");
  const radios = form.getByRole("radio");
  if ((await radios.count()) > 0) {
    await radios.nth(n % (await radios.count())).check();
  } else if (type === "timeline") {
    const list = form.getByTestId("timeline-list");
    await expect(list.getByRole("listitem")).not.toHaveCount(0);
    // Keyboard: move the first event down twice, with focus staying on it.
    await list.getByRole("button", { name: /^Move down:/ }).first().focus();
    await page.keyboard.press("Enter");
    await expect(list.getByRole("button", { name: /^Move (down|up):/ }).and(page.locator(":focus"))).toHaveCount(1);
    await page.keyboard.press("Enter");
  } else if (type === "matching") {
    const selects = form.getByRole("combobox");
    const count = await selects.count();
    for (let i = 0; i < count; i++) {
      const options = await selects.nth(i).locator("option").allTextContents();
      await selects.nth(i).selectOption({ label: options[1 + ((i + n) % (options.length - 1))]! });
    }
  } else {
    const box = form.getByRole("textbox");
    const hintId = ((await box.getAttribute("aria-describedby")) ?? "").split(" ").find((id) => id.endsWith("-hint"));
    const hint = hintId ? await page.locator(`[id="${hintId}"]`).textContent() : "";
    await box.fill(hint?.includes("figure") ? "2000" : hint?.includes("month") ? "27 September 2020" : "Pashinyan");
  }
  await form.getByRole("button", { name: /^Submit/ }).click();
  return type;
}

async function expectFeedback(page: Page): Promise<Locator> {
  const feedback = page.getByTestId("feedback");
  await expect(feedback).toBeVisible();
  await expect(feedback.getByTestId("verdict")).toHaveText(/Correct|Partly right|Not right/);
  await expect(feedback.getByTestId("feedback-quote").first()).toContainText("“");
  await expect(feedback.getByTestId("source-link").first()).toHaveAttribute("href", /^\/sources\/[a-z0-9-]+#[a-z0-9-]+$/);
  await expect(page.getByTestId("quiz-announcer")).toHaveText(/^(Correct|Partly right|Not right)/);
  return feedback;
}

test("a student starts a quiz from a deck, answers every type, reads a source and comes back, resumes in a new tab, finishes and reviews", async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, "chloe@factdeck.test");
  const quizPath = await startQuiz(page, "everything", 8, testInfo);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quiz: Everything");
  await expectAccessible(page, testInfo);

  const seen = new Set<string>();
  let shotDateNote = false;
  let current = page;
  for (let n = 0; n < 8; n++) {
    await expect(current.getByRole("heading", { name: `Question ${n + 1} of 8` })).toBeVisible();
    const type = (await current.getByTestId("question-form").getAttribute("data-question-type")) ?? "";
    if (!seen.has(type)) await screenshot(current, testInfo, `quiz-question-${type}`);
    seen.add(type);
    await answerShownQuestion(current, n);
    const feedback = await expectFeedback(current);
    await expect(current.getByRole("heading", { name: `Question ${n + 1} of 8: the answer` })).toBeFocused();
    // A date the articles do not print is marked as inferred, with the reason, after the sources.
    const notes = feedback.getByTestId("feedback-date-notes").getByRole("listitem");
    for (const note of await notes.allTextContents()) expect(note).toMatch(/^Inferred (date|year): .+\. .+/);
    if ((await notes.count()) > 0 && !shotDateNote) {
      shotDateNote = true;
      await screenshot(current, testInfo, "quiz-feedback-inferred-date");
    }

    if (n === 1) {
      await screenshot(current, testInfo, "quiz-feedback");
      await expectAccessible(current, testInfo);
      // Follow the source link: the article opens at the cited sentence; coming back shows the same feedback.
      const link = feedback.getByTestId("source-link").first();
      const href = (await link.getAttribute("href"))!;
      await link.click();
      await current.waitForURL((u) => u.pathname + u.hash === href);
      await expect(current.locator(`mark.is-target[data-facts~="${href.split("#")[1]}"]`).first()).toBeVisible();
      await current.goBack();
      await expect(current).toHaveURL(new RegExp(`${quizPath}$`));
      await expect(current.getByTestId("feedback")).toBeVisible();
      await expect(current.getByRole("heading", { name: "Question 2 of 8: the answer" })).toBeVisible();
    }
    if (n < 7) await current.getByRole("button", { name: "Next question" }).click();

    if (n === 3) {
      // Close the tab and open the quiz again: it resumes at the first unanswered question.
      await current.close();
      current = await context.newPage();
      await current.goto(quizPath);
      await expect(current.getByText("Answered 4 of 8")).toBeVisible();
    }
  }
  expect(seen.size).toBeGreaterThanOrEqual(5);

  await current.getByRole("button", { name: "Finish and see your score" }).click();
  await expect(current.getByRole("heading", { level: 1, name: "Result: Everything" })).toBeFocused();
  const score = current.getByTestId("quiz-score");
  await expect(score).toContainText(/Score\s*[\d.]+ \/ 8/);
  await expect(score).toContainText("Time taken");
  await expect(current.getByTestId("quiz-review").getByRole("listitem").filter({ has: current.getByTestId("verdict") })).toHaveCount(8);
  await screenshot(current, testInfo, "quiz-result");
  await expectAccessible(current, testInfo);

  // The same URL now shows the result, and the list of quizzes links to it.
  await current.goto(quizPath);
  await expect(current.getByRole("heading", { level: 1, name: "Result: Everything" })).toBeVisible();
  await current.goto("/quizzes");
  const item = current.getByTestId("attempt-list").getByRole("listitem").filter({ has: current.locator(`a[href="${quizPath}"]`) });
  await expect(item).toContainText(/Score [\d.]+ \/ 8/);
  await screenshot(current, testInfo, "quizzes");
});

test("the answer and finish endpoints refuse bad, replayed and foreign requests without changing anything @desktop-only", async ({ page, baseURL }) => {
  await signIn(page, "ani@factdeck.test");
  const quizPath = await startQuiz(page, "war-2020", 3);
  const attemptId = quizPath.split("/").pop()!;
  const api = page.request;
  const answers = `/api/quiz/${attemptId}/answers`;

  expect((await api.post(answers, { data: "not json", headers: { "content-type": "application/json" } })).status()).toBe(400);
  const empty = await api.post(answers, { data: {} });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toMatchObject({ error: expect.any(String), fieldErrors: { questionId: expect.any(String) } });
  const unknown = await api.post(answers, { data: { questionId: "q-unknown", response: "x" } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error).toMatch(/not part of this quiz/);
  expect((await api.post(answers, { data: { questionId: "q", response: { nested: true } } })).status()).toBe(400);
  expect((await api.post(answers, { data: { questionId: "q", response: "x" }, headers: { origin: "https://evil.example" } })).status()).toBe(403);

  // Answer the first question through the page. Its reply "lost": the same answer sent again gets the same
  // reply (200, same body); a different answer to it is refused (409); nothing changes either way.
  const firstId = (await page.getByTestId("question-form").getAttribute("data-question-id"))!;
  const firstReply = page.waitForResponse((r) => r.url().endsWith(answers) && r.request().method() === "POST");
  await answerShownQuestion(page, 0);
  await expectFeedback(page);
  const sent = await firstReply;
  expect(sent.status()).toBe(200);
  const resent = await api.post(answers, { data: sent.request().postDataJSON() });
  expect(resent.status()).toBe(200);
  expect(await resent.json()).toEqual(await sent.json());
  const replay = await api.post(answers, { data: { questionId: firstId, response: "x" } });
  expect(replay.status()).toBe(409);
  expect((await replay.json()).error).toMatch(/already answered/);
  await page.getByRole("button", { name: "Next question" }).click();
  await expect(page.getByRole("heading", { name: "Question 2 of 3" })).toBeVisible();
  const secondId = (await page.getByTestId("question-form").getAttribute("data-question-id"))!;

  // Another student sees nothing of this attempt.
  const other = await page.context().browser()!.newContext({ baseURL });
  const borisPage = await other.newPage();
  await signIn(borisPage, "boris@factdeck.test");
  const foreign = await borisPage.request.post(answers, { data: { questionId: secondId, response: "x" } });
  expect(foreign.status()).toBe(404);
  expect(await foreign.text()).not.toContain(secondId);
  expect((await borisPage.request.post(`/api/quiz/${attemptId}/finish`)).status()).toBe(404);
  expect((await borisPage.request.get(quizPath, { maxRedirects: 0 })).status()).toBe(404);
  await other.close();

  // Anonymous: 401.
  const anon = await playwrightRequest.newContext({ baseURL });
  expect((await anon.post(answers, { data: { questionId: "q", response: "x" } })).status()).toBe(401);
  await anon.dispose();

  // Finish twice: the same score, and answers are then refused.
  const first = await api.post(`/api/quiz/${attemptId}/finish`);
  expect(first.status()).toBe(200);
  const body = await first.json();
  expect(body).toMatchObject({ maxScore: 3, answered: 1 });
  const again = await api.post(`/api/quiz/${attemptId}/finish`);
  expect(await again.json()).toMatchObject({ score: body.score, maxScore: 3, percent: body.percent, alreadyFinished: true });
  const late = await api.post(answers, { data: { questionId: secondId, response: "x" } });
  expect(late.status()).toBe(409);
  expect((await late.json()).error).toMatch(/finished/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: /^Result:/ })).toBeVisible();
  await expect(page.getByTestId("quiz-score")).toContainText("1 / 3");
});
