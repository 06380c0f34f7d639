/**
 * Over HTTP against `npm start`'s server: the client address comes from the
 * socket, so a client that rotates X-Forwarded-For is still one address, and
 * its wrong passwords for one account are slowed as one (account, address)
 * pair. HTTP only, so one project runs it.
 */
import { expect, test } from "./fixtures";
import { callAction, listServerActions } from "./server-actions";

test("rotating X-Forwarded-For does not make a guesser a new client: its sixth try waits @desktop-only", async ({ playwright, baseURL }, testInfo) => {
  const actions = listServerActions();
  const signUp = actions.find((a) => a.name === "signUpAction")!;
  const signIn = actions.find((a) => a.name === "signInAction")!;
  const email = `guessed.${testInfo.project.name}.${Date.now()}@example.org`;
  const password = "a long enough passphrase";
  const owner = await playwright.request.newContext({ baseURL });
  expect((await callAction(owner, baseURL!, signUp, { name: "Guessed", email, password, role: "student" }, "/sign-up")).redirect).toMatch(/^\/dashboard/);
  await owner.dispose();

  for (let i = 0; i < 5; i++) {
    const guesser = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${i + 1}` } });
    const res = await callAction(guesser, baseURL!, signIn, { email, password: `wrong guess ${i}` }, "/sign-in");
    expect(JSON.stringify(res.value), `guess ${i + 1}`).toContain("The e-mail address or the password is wrong.");
    await guesser.dispose();
  }
  // Regression: with FACTDECK_TRUSTED_PROXIES=0 the last X-Forwarded-For entry was believed, so each guess came from a "new" address.
  const sixth = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.99" } });
  const res = await callAction(sixth, baseURL!, signIn, { email, password }, "/sign-in");
  expect(res.redirect, "not signed in").toBeUndefined();
  expect(JSON.stringify(res.value)).toMatch(/Too many attempts\. Try again in (2\d|30) s\./);
  await sixth.dispose();
});
