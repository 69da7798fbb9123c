import { afterAll, beforeAll, expect, it } from "vitest";
import { en } from "../../src/messages";
import { startSmtpSink, type SmtpSink } from "../support/smtp";
import { SLOW, demo, signIn, startEnv, type Env } from "./helpers";

// The whole reset loop with nothing faked: the browser asks, the app queues the
// email, the outbox worker sends it over SMTP to a real server, the link in the
// received email sets a new password.

let sink: SmtpSink;
let env: Env;
beforeAll(async () => {
  sink = await startSmtpSink();
  env = await startEnv({ smtpPort: sink.port });
});
afterAll(async () => {
  await env?.close();
  await sink?.close();
});

it("resets a forgotten password through an email delivered over SMTP", async () => {
  const { page } = await env.context();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: en["auth.signIn.forgot"] }).click();
  // The sign-in page has an Email field too: wait for the reset page before typing, or the
  // address can land in the page being left (seen once on a busy machine).
  await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(en["auth.forgot.title"]);
  await page.getByLabel(en["auth.email"]).fill(demo.visitor);
  await page.getByRole("button", { name: en["auth.forgot.submit"] }).click();
  await expect.poll(() => page.getByRole("status").innerText(), SLOW).toBe(en["auth.forgot.sent"]);

  const email = await sink.waitFor((m) => m.to.includes(demo.visitor) && /reset-password/.test(m.text), 15_000);
  expect(email.subject).toBe(en["email.reset.subject"]);
  expect(email.from).toBe("no-reply@numaish.test");
  const link = /https?:\/\/\S+\/reset-password\/[\w-]+/.exec(email.text)?.[0];
  expect(link?.startsWith(`${env.server.url}/reset-password/`)).toBe(true);

  await page.goto(link!);
  await page.getByLabel(en["auth.newPassword"]).fill("a fresh password 2026");
  await Promise.all([page.waitForURL("**/sign-in?reset=1"), page.getByRole("button", { name: en["auth.reset.submit"] }).click()]);
  await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(en["auth.reset.done"]);

  // The old password no longer works, the new one does.
  await page.getByLabel(en["auth.email"]).fill(demo.visitor);
  await page.getByLabel(en["auth.password"], { exact: true }).fill(demo.password);
  await page.getByRole("button", { name: en["auth.signIn.submit"] }).click();
  await expect.poll(() => page.getByRole("alert").innerText(), SLOW).toContain(en["error.invalid_credentials"]);
  await signIn(page, demo.visitor, "a fresh password 2026");
  expect(await page.getByRole("button", { name: en["nav.signOut"] }).count()).toBe(1);

  // The link worked once.
  const again = await env.context();
  await again.page.goto(link!);
  await again.page.getByLabel(en["auth.newPassword"]).fill("someone else's try");
  await again.page.getByRole("button", { name: en["auth.reset.submit"] }).click();
  await expect.poll(() => again.page.getByRole("alert").innerText(), SLOW).toContain(en["error.token_invalid"]);
});
