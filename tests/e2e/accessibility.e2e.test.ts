import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demo, emailedPath, seriousViolations, signIn, startEnv, type Env, signInByPost } from "./helpers";

// axe-core (WCAG 2 A and AA rules) on the main pages, in the state a user sees
// them: anonymous, signed in as a visitor, and as organiser staff.

let env: Env;
let anonymous: Page;
let urdu: Page;
let visitor: Page;
let organiser: Page;
let editionPath: string;

beforeAll(async () => {
  env = await startEnv();
  anonymous = (await env.context()).page;
  urdu = (await env.context()).page;
  await urdu.goto("/lang/ur?next=/");
  visitor = (await env.context()).page;
  await signIn(visitor, demo.visitor);
  organiser = (await env.context()).page;
  await signInByPost(env, organiser, demo.organiser);
  await organiser.goto("/back-office");
  const href = await organiser.locator('main a[href^="/back-office/editions/"]').first().getAttribute("href");
  if (!href) throw new Error("the back-office overview lists no edition");
  editionPath = href;
});
afterAll(async () => env?.close());

const pages: { label: string; who: () => Page; path: () => string; status?: number }[] = [
  { label: "home (en)", who: () => anonymous, path: () => "/" },
  { label: "home (ur)", who: () => urdu, path: () => "/" },
  { label: "sign-in (en)", who: () => anonymous, path: () => "/sign-in" },
  { label: "sign-in (ur)", who: () => urdu, path: () => "/sign-in" },
  { label: "sign-up", who: () => anonymous, path: () => "/sign-up" },
  { label: "sign-up (ur)", who: () => urdu, path: () => "/sign-up" },
  { label: "sign-up link used or unknown (ur)", who: () => urdu, path: () => "/sign-up/no-such-link-0000000000" },
  { label: "forgot-password", who: () => anonymous, path: () => "/forgot-password" },
  { label: "account", who: () => visitor, path: () => "/account" },
  { label: "back-office overview", who: () => organiser, path: () => "/back-office" },
  { label: "back-office edition", who: () => organiser, path: () => editionPath },
  { label: "audit log", who: () => organiser, path: () => "/back-office/audit" },
  { label: "404 (en)", who: () => anonymous, path: () => "/no-such-page", status: 404 },
  { label: "404 (ur)", who: () => urdu, path: () => "/no-such-page", status: 404 },
];

describe("accessibility (axe, WCAG 2 A/AA): no serious or critical violation", () => {
  it.each(pages)("$label", async ({ label, who, path, status }) => {
    const page = who();
    const res = await page.goto(path());
    expect(res?.status()).toBe(status ?? 200);
    // Contrast is judged on the final font, so let the webfonts load first.
    await page.evaluate(() => document.fonts.ready);
    expect(await seriousViolations(page, label)).toEqual([]);
  });

  it("shows a form's errors accessibly too (sign-up refused)", async () => {
    await anonymous.goto("/sign-up");
    await anonymous.locator("#f-email").fill("nope");
    await anonymous.locator("main form button[type=submit]").click();
    await anonymous.locator("#f-email-error").waitFor();
    expect(await seriousViolations(anonymous, "sign-up with errors")).toEqual([]);
  });

  it("sign-up's \"check your email\" and the emailed link's password page, in both languages", async () => {
    for (const [page, lang] of [[anonymous, "en"], [urdu, "ur"]] as const) {
      const email = `axe-signup-${lang}@example.com`;
      await page.goto("/sign-up");
      await page.locator("#f-name").fill("Axe Check");
      await page.locator("#f-email").fill(email);
      await page.locator("main form button[type=submit]").click();
      await page.getByTestId("sign-up-sent").waitFor();
      expect(await seriousViolations(page, `sign-up sent (${lang})`)).toEqual([]);
      await page.goto(await emailedPath(env, email, "/sign-up/"));
      await page.locator("#f-password").fill("short");
      await page.locator("main form button[type=submit]").click();
      await page.locator("#f-password-error").waitFor();
      expect(await seriousViolations(page, `sign-up password with errors (${lang})`)).toEqual([]);
    }
  });
});
