import { expect, test } from "./fixtures";
import { signUpStudent } from "./session";

/**
 * Cumulative layout shift of a first load, measured as Lighthouse measures it: the Layout Instability API's
 * entries without recent input, summed, at Lighthouse's mobile size (412 × 823) with the CPU slowed 6×, so
 * hydration and the offline copy's load land after the first paint as on a slow phone.
 */
test("the review page does not move once it is on screen (no layout shift while it hydrates and loads its offline copy)", async ({ page, browser }, testInfo) => {
  await signUpStudent(page, testInfo, "shift");
  if (testInfo.project.name === "phone") await page.setViewportSize({ width: 412, height: 823 });
  // The first paint is the server's HTML: where the card sits without any script…
  const plain = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: false, storageState: await page.context().storageState(), viewport: page.viewportSize(), isMobile: testInfo.project.name === "phone", hasTouch: testInfo.project.name === "phone" });
  const noJs = await plain.newPage();
  await noJs.goto("/review/everything");
  const served = await noJs.getByTestId("card-front").boundingBox();
  await plain.close();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  await page.goto("/review/everything");
  await expect(page.getByTestId("card-front")).toBeVisible();
  await expect(page.locator("[data-keys-ready]")).toHaveCount(1);
  await expect(page.getByTestId("sync-status")).toHaveText("Synced");
  const shifts = await page.evaluate(
    () =>
      new Promise<{ value: number; moved: string[] }[]>((resolve) => {
        const out: { value: number; moved: string[] }[] = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] })[]) {
            if (!e.hadRecentInput) out.push({ value: e.value, moved: (e.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : String(s.node?.nodeName))) });
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(out), 500);
      }),
  );
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  // …is where it sits once hydrated, whatever the timing of the run.
  const hydrated = await page.getByTestId("card-front").boundingBox();
  expect(served).not.toBeNull();
  expect(Math.abs(hydrated!.y - served!.y), `card front at y=${served!.y} in the served HTML, y=${hydrated!.y} hydrated`).toBeLessThan(2);
  // Lighthouse's "good" CLS is 0.1; the page should not move at all (the sync pill's text changing width is ~0.0001).
  expect(shifts.reduce((s, x) => s + x.value, 0), JSON.stringify(shifts)).toBeLessThan(0.01);
  if (testInfo.project.name === "phone") await expect(page.getByRole("banner")).toBeHidden();
  else await expect(page.getByRole("banner")).toBeVisible();
});
